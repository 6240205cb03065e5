package io.spikeline.runtime.gesture;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.record.Feedback;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureRasterTest {

    @Test
    void theRasterNamesTheFirstGesturesInOrderAndHoldsTheirSpikes() {
        GestureSettings settings = GestureSettings.defaults().withSeed(3).withSeconds(60);
        List<Feedback> labels = new ArrayList<>();
        try (GestureSimulator camera = new GestureSimulator("truth", settings.recording())) {
            while (labels.size() < 4) {
                labels.addAll(camera.read().labels());
            }
        }
        FeatureRaster raster = FeatureRaster.of(settings, 4);
        String svg = raster.svg();
        int at = 0;
        for (int g = 0; g < 4; g++) {
            int next = svg.indexOf(">" + GestureSettings.CLASSES[labels.get(g).classId()] + "</text>", at);
            assertThat(next).as("gesture %d named after gesture %d", g + 1, g).isGreaterThan(at);
            at = next;
        }
        assertThat(raster.spikeCount()).isPositive();
        assertThat(svg.split("height=\"1\" fill=\"black\"", -1)).hasSize(raster.spikeCount() + 1);
    }
}
