package io.spikeline.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.IngestException;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpikeTableReaderTest {
    private static final Path MAZE = SharedFiles.data("probe/mc_maze_jenkins_trial748_1ms.csv");

    @TempDir
    Path temp;

    @Test
    void theMazeTrialHas182UnitsOver3236BinsWith1654Spikes() throws IOException {
        try (SpikeTableReader reader = SpikeTableReader.open(MAZE, SpikeTableOptions.defaults().withBinsPerBatch(50))) {
            List<SpikeBatch> batches = new ArrayList<>();
            List<Feedback> feedback = new ArrayList<>();
            for (SpikeBatch b = reader.read(); b != null; b = reader.read()) {
                batches.add(b);
                feedback.addAll(reader.pollFeedback());
            }
            assertThat(reader.unitColumns()).hasSize(182).startsWith("unit_1011", "unit_1021");
            assertThat(batches).allSatisfy(b -> {
                assertThat(b.channelCount()).isEqualTo(182);
                assertThat(b.binWidthUs()).isEqualTo(1000);
            });
            assertThat(batches.stream().mapToInt(SpikeBatch::binCount).sum()).isEqualTo(3236);
            assertThat(batches.stream().mapToInt(SpikeBatch::spikeCount).sum()).isEqualTo(1654);
            assertThat(batches).hasSize(65);
            assertThat(batches.get(64).binCount()).isEqualTo(3236 - 64 * 50);
            assertThat(batches.get(0).startTimeUs()).isEqualTo(2_282_600_000L);
            assertThat(batches.get(64).binStartTimeUs(35)).isEqualTo(2_285_835_000L);
            for (int i = 1; i < batches.size(); i++) {
                assertThat(batches.get(i).startTimeUs()).isEqualTo(batches.get(i - 1).endTimeUs());
                assertThat(batches.get(i).sequence()).isEqualTo(i);
            }
            assertThat(feedback).hasSize(3236);
            assertThat(reader.gaps()).isZero();
            assertThat(reader.mergedSpikes()).isZero();
            assertThat(reader.sourceKey()).isEqualTo("mc_maze_jenkins_trial748_1ms");
        }
    }

    @Test
    void spikesAndHandVelocityOfSampledRowsEqualTheText() throws IOException {
        List<String> lines = Files.readAllLines(MAZE);
        List<String> header = List.of(lines.get(0).split(","));
        int velX = header.indexOf("hand_vel_x");
        int velY = header.indexOf("hand_vel_y");
        int firstUnit = header.indexOf("unit_1011");
        try (SpikeTableReader reader = SpikeTableReader.open(MAZE, SpikeTableOptions.defaults().withBinsPerBatch(7))) {
            List<SpikeBatch> batches = new ArrayList<>();
            List<Feedback> feedback = new ArrayList<>();
            for (SpikeBatch b = reader.read(); b != null; b = reader.read()) {
                batches.add(b);
                feedback.addAll(reader.pollFeedback());
            }
            float[] dense = new float[182];
            for (int row : new int[] {0, 1, 98, 1000, 2001, 3235}) {
                String[] text = lines.get(row + 1).split(",");
                Feedback f = feedback.get(row);
                assertThat(f.kind()).isEqualTo(Feedback.Kind.VECTOR);
                assertThat(f.target()).containsExactly(Float.parseFloat(text[velX]), Float.parseFloat(text[velY]));
                SpikeBatch b = batches.get(row / 7);
                assertThat(f.eventTimeUs()).isEqualTo(b.binStartTimeUs(row % 7))
                        .isEqualTo(Math.round(Double.parseDouble(text[0]) * 1e6));
                b.denseBin(row % 7, dense);
                for (int c = 0; c < 182; c++) {
                    assertThat(dense[c]).isEqualTo(Float.parseFloat(text[firstUnit + c]));
                }
            }
            assertThat(feedback.get(0).target()).containsExactly(-18.35745817151835f, -19.12180210219816f);
            assertThat(feedback.get(3235).target()).containsExactly(-36.101485882625184f, -11.94810359599785f);
        }
    }

    @Test
    void feedbackAndUnitColumnsAreChosenByName() throws IOException {
        SpikeTableOptions options = SpikeTableOptions.defaults().withFeedbackColumns(List.of("cursor_pos_y", "hand_pos_x"))
                .withUnitColumns(List.of("unit_1021", "unit_1011")).withSourceKey("jenkins");
        List<String> lines = Files.readAllLines(MAZE);
        List<String> header = List.of(lines.get(0).split(","));
        long expectedSpikes = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] t = line.split(",");
            expectedSpikes += Long.parseLong(t[header.indexOf("unit_1021")]) + Long.parseLong(t[header.indexOf("unit_1011")]);
        }
        try (SpikeTableReader reader = SpikeTableReader.open(MAZE, options)) {
            SpikeBatch first = reader.read();
            assertThat(first.channelCount()).isEqualTo(2);
            assertThat(first.sourceKey()).isEqualTo("jenkins");
            assertThat(reader.pollFeedback().get(0).target()).containsExactly(9.199999999991633f, 0.3196400292008148f);
            long spikes = first.spikeCount();
            for (SpikeBatch b = reader.read(); b != null; b = reader.read()) {
                spikes += b.spikeCount();
            }
            assertThat(spikes).isEqualTo(expectedSpikes);
        }
        assertThatThrownBy(() -> SpikeTableReader.open(MAZE, options.withFeedbackColumns(List.of("hand_vel_z"))))
                .isInstanceOf(IngestException.class).hasMessageContaining("'hand_vel_z'");
    }

    @Test
    void aMalformedValueNamesTheLineAndColumnAtItsByteOffset() throws IOException {
        String text = "timestamp,hand_vel_x,hand_vel_y,unit_1,unit_2\n"
                + "1.000,0.5,0.25,0,1\n"
                + "1.001,0.5,x7,1,0\n";
        Path file = Files.writeString(temp.resolve("bad.csv"), text);
        try (SpikeTableReader reader = SpikeTableReader.open(file, SpikeTableOptions.defaults())) {
            SpikeBatch before = reader.read();
            assertThat(before.binCount()).isEqualTo(1);
            assertThat(before.channelIndices()).containsExactly(1);
            assertThat(reader.pollFeedback()).hasSize(1);
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(IngestException.class, e -> {
                assertThat(e.offset()).isEqualTo(text.indexOf("x7"));
                assertThat(e.getMessage()).contains("line 3").contains("'hand_vel_y'").contains("'x7'");
            });
        }
        Path short3 = Files.writeString(temp.resolve("short.csv"), "timestamp,hand_vel_x,hand_vel_y,unit_1\n1.0,2,3\n");
        try (SpikeTableReader reader = SpikeTableReader.open(short3, SpikeTableOptions.defaults())) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class).hasMessageContaining("line 2 has 3 fields");
        }
        Path negative = Files.writeString(temp.resolve("neg.csv"), "timestamp,hand_vel_x,hand_vel_y,unit_1\n1.0,2,3,-1\n");
        try (SpikeTableReader reader = SpikeTableReader.open(negative, SpikeTableOptions.defaults())) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class).hasMessageContaining("'unit_1'");
        }
    }

    @Test
    void aMissingRowEndsTheBatchAndTheNextStartsAtItsOwnTime() throws IOException {
        String text = "timestamp,hand_vel_x,hand_vel_y,unit_1,unit_2\r\n"
                + "0.010,1,1,1,1\r\n"
                + "0.011,2,2,0,2\r\n"
                + "0.014,3,nan,1,0\r\n"
                + "0.015,4,4,0,0\r\n";
        Path file = Files.writeString(temp.resolve("gap.csv"), text);
        try (SpikeTableReader reader = SpikeTableReader.open(file, SpikeTableOptions.defaults().withBinsPerBatch(10))) {
            SpikeBatch a = reader.read();
            List<Feedback> fa = reader.pollFeedback();
            SpikeBatch b = reader.read();
            List<Feedback> fb = reader.pollFeedback();
            assertThat(reader.read()).isNull();
            assertThat(a.startTimeUs()).isEqualTo(10_000);
            assertThat(a.binCount()).isEqualTo(2);
            assertThat(a.channelIndices()).containsExactly(0, 1, 1);
            assertThat(b.startTimeUs()).isEqualTo(14_000);
            assertThat(b.binCount()).isEqualTo(2);
            assertThat(reader.gaps()).isEqualTo(1);
            assertThat(reader.mergedSpikes()).isEqualTo(1);
            assertThat(fa).extracting(Feedback::eventTimeUs).containsExactly(10_000L, 11_000L);
            assertThat(fb).extracting(Feedback::eventTimeUs).containsExactly(15_000L);
            assertThat(reader.feedbackSkipped()).isEqualTo(1);
        }
    }
}
