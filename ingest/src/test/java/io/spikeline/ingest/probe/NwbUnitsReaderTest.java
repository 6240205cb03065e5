package io.spikeline.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.spikeline.ingest.IngestException;
import io.spikeline.models.record.SpikeBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NWB units tables (ragged spike_times + spike_times_index) written here with jhdf's writer. */
class NwbUnitsReaderTest {

    @TempDir
    Path temp;

    @Test
    void raggedSpikeTimesBecomeBinnedBatchesFromTheEarliestSpikeToTheLast() throws IOException {
        double[][] units = {
            {0.0105, 0.0112, 0.0113, 0.050},
            {0.0101, 0.0302},
            {},
            {0.0109, 0.0999},
        };
        Path file = write("units.nwb", units, new long[] {11, 12, 13, 14});
        try (NwbUnitsReader reader = NwbUnitsReader.open(file, NwbUnitsOptions.defaults())) {
            assertThat(reader.unitCount()).isEqualTo(4);
            assertThat(reader.unitIds()).containsExactly(11, 12, 13, 14);
            List<SpikeBatch> batches = readAll(reader);
            assertThat(batches).extracting(SpikeBatch::startTimeUs).containsExactly(10_000L, 30_000L, 50_000L, 70_000L,
                    90_000L);
            assertThat(batches).extracting(SpikeBatch::binCount).containsExactly(20, 20, 20, 20, 10);
            SpikeBatch first = batches.get(0);
            assertThat(first.channelIndices()).containsExactly(0, 1, 3, 0);
            assertThat(first.binOffsets()[1]).isEqualTo(3);
            assertThat(first.spikesInBin(1)).isEqualTo(1);
            assertThat(batches.get(3).spikeCount()).isZero();
            assertThat(batches.get(4).spikesInBin(9)).isEqualTo(1);
            assertThat(reader.mergedSpikes()).isEqualTo(1);
            assertThat(binnedSpikes(batches)).isEqualTo(expectedBins(units, 1000));
        }
    }

    @Test
    void unitsLongerThanTheReadWindowAreMergedInTimeOrder() throws IOException {
        Random random = new Random(7);
        double[][] units = new double[5][];
        for (int u = 0; u < units.length; u++) {
            units[u] = new double[u * 400 + 3];
            double t = 0.2 * u;
            for (int i = 0; i < units[u].length; i++) {
                t += 0.0005 + random.nextDouble() * 0.01;
                units[u][i] = t;
            }
        }
        Path file = write("many.nwb", units, null);
        try (NwbUnitsReader reader = NwbUnitsReader.open(file, NwbUnitsOptions.defaults().withBinWidthUs(2000)
                .withBinsPerBatch(50).withSourceKey("rig-2"))) {
            List<SpikeBatch> batches = readAll(reader);
            assertThat(batches.get(0).sourceKey()).isEqualTo("rig-2");
            assertThat(reader.unitIds()).containsExactly(0, 1, 2, 3, 4);
            assertThat(binnedSpikes(batches)).isEqualTo(expectedBins(units, 2000));
            for (int i = 1; i < batches.size(); i++) {
                assertThat(batches.get(i).startTimeUs()).isEqualTo(batches.get(i - 1).endTimeUs());
            }
        }
    }

    @Test
    void decreasingTimesOrAnIndexPastTheColumnAreLocatedErrors() throws IOException {
        Path unsorted = write("unsorted.nwb", new double[][] {{0.1, 0.3, 0.2}}, null);
        try (NwbUnitsReader reader = NwbUnitsReader.open(unsorted, NwbUnitsOptions.defaults().withBinsPerBatch(1000))) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("unit 0 decrease at index 2");
        }
        Path overrun = temp.resolve("overrun.nwb");
        try (WritableHdfFile f = HdfFile.write(overrun)) {
            WritableGroup units = f.putGroup("units");
            units.putDataset("spike_times", new double[] {0.1, 0.2});
            units.putDataset("spike_times_index", new long[] {1, 3});
        }
        assertThatThrownBy(() -> NwbUnitsReader.open(overrun, NwbUnitsOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining("spike_times_index[1] = 3");
    }

    /** Every (bin start µs, unit) pair the batches hold. */
    private static TreeSet<String> binnedSpikes(List<SpikeBatch> batches) {
        TreeSet<String> out = new TreeSet<>();
        for (SpikeBatch b : batches) {
            for (int bin = 0; bin < b.binCount(); bin++) {
                for (int i = b.binOffsets()[bin]; i < b.binOffsets()[bin + 1]; i++) {
                    out.add(b.binStartTimeUs(bin) + ":" + b.channelIndices()[i]);
                }
            }
        }
        return out;
    }

    /** The same pairs straight from the spike times: a spike at t s lies in bin floor(t × 10⁶ / width). */
    private static TreeSet<String> expectedBins(double[][] units, long widthUs) {
        TreeSet<String> out = new TreeSet<>();
        for (int u = 0; u < units.length; u++) {
            for (double t : units[u]) {
                out.add(Math.floorDiv(Math.round(t * 1e6), widthUs) * widthUs + ":" + u);
            }
        }
        return out;
    }

    private Path write(String name, double[][] units, long[] ids) throws IOException {
        int total = 0;
        for (double[] u : units) {
            total += u.length;
        }
        double[] times = new double[total];
        long[] index = new long[units.length];
        int at = 0;
        for (int u = 0; u < units.length; u++) {
            System.arraycopy(units[u], 0, times, at, units[u].length);
            at += units[u].length;
            index[u] = at;
        }
        Path file = temp.resolve(name);
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup group = f.putGroup("units");
            group.putAttribute("neurodata_type", "Units");
            group.putDataset("spike_times", times);
            group.putDataset("spike_times_index", index);
            if (ids != null) {
                group.putDataset("id", ids);
            }
        }
        return file;
    }

    private static List<SpikeBatch> readAll(NwbUnitsReader reader) throws IOException {
        List<SpikeBatch> out = new ArrayList<>();
        for (SpikeBatch b = reader.read(); b != null; b = reader.read()) {
            out.add(b);
        }
        return out;
    }
}
