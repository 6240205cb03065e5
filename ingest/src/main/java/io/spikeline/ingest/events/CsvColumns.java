package io.spikeline.ingest.events;

/**
 * Which 0-based column of an event CSV holds each field; other columns are ignored.
 *
 * @param time timestamp in µs (an integer)
 * @param x pixel column
 * @param y pixel row
 * @param polarity 1 = ON; 0 or -1 = OFF
 */
public record CsvColumns(int time, int x, int y, int polarity) {

    public CsvColumns {
        int[] columns = {time, x, y, polarity};
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] < 0) {
                throw new IllegalArgumentException("CSV column indices must be >= 0, was " + this);
            }
            for (int j = 0; j < i; j++) {
                if (columns[i] == columns[j]) {
                    throw new IllegalArgumentException("CSV columns must differ, two fields share column "
                            + columns[i]);
                }
            }
        }
    }

    /** {@code t,x,y,p}. */
    public static CsvColumns txyp() {
        return new CsvColumns(0, 1, 2, 3);
    }

    int count() {
        return Math.max(Math.max(time, x), Math.max(y, polarity)) + 1;
    }
}
