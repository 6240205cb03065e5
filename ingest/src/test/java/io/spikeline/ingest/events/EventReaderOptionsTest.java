package io.spikeline.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.testing.SharedFiles;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class EventReaderOptionsTest {

    @Test
    void defaultsAreDocumented() {
        EventReaderOptions d = EventReaderOptions.defaults();
        assertThat(d.sourceKey()).isNull();
        assertThat(d.maxEventsPerBatch()).isEqualTo(8192);
        assertThat(d.maxBatchSpanUs()).isZero();
        assertThat(d.width()).isZero();
        assertThat(d.height()).isZero();
    }

    @Test
    void invalidValuesFailNamingTheFieldAndValue() {
        EventReaderOptions d = EventReaderOptions.defaults();
        assertThatThrownBy(() -> d.withMaxEventsPerBatch(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max events per batch").hasMessageContaining("0");
        assertThatThrownBy(() -> d.withMaxBatchSpanUs(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max batch span").hasMessageContaining("-1");
        assertThatThrownBy(() -> d.withGeometry(640, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("640x0");
        assertThatThrownBy(() -> d.withGeometry(40_000, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16-bit");
        assertThatThrownBy(() -> new CsvColumns(0, 1, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 1");
    }

    @Test
    void sourceKeyNamesTheBatches() throws IOException {
        try (NmnistReader reader = NmnistReader.open(SharedFiles.data("events/tonic_sample_nmnist.bin"),
                EventReaderOptions.defaults().withSourceKey("camera-7"))) {
            assertThat(reader.read().sourceKey()).isEqualTo("camera-7");
        }
    }
}
