package io.spikeline.runtime.gesture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.ingest.sim.GestureBatch;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.encode.EventBinningEncoder;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sampler operator on the operator test harness, fed 30 s of the simulated camera (about 14 gestures): whatever the
 * interleaving of events and labels — labels read ahead, labels behind the events by more than a gesture, random
 * merges — its output equals that of the device's own order (each batch followed by the labels it ends), as long as
 * no label comes more than the label wait behind. Without the wait the same late labels change the output.
 */
class GestureSampleFunctionTest {
    private static final String KEY = "cam";
    private static final GestureSettings SETTINGS = GestureSettings.defaults().withSeed(3);
    private static final long WAIT_US = SETTINGS.labelWaitUs();
    /** Fine batches of 10 ms, in order. */
    private static final List<SpikeBatch> EVENTS = new ArrayList<>();
    /** Labels, in order, each with the index of the batch in which the device ends its gesture. */
    private static final List<Feedback> LABELS = new ArrayList<>();
    private static final List<Integer> LABEL_BATCH = new ArrayList<>();
    private static List<String> device;

    @BeforeAll
    static void simulate() throws Exception {
        GestureSimulator camera = new GestureSimulator(KEY, SETTINGS.recording());
        EventBinningEncoder binning = new EventBinningEncoder(SETTINGS.sampler().fineGrid());
        for (int b = 0; b < 3000; b++) {
            GestureBatch batch = camera.read();
            Optional<SpikeBatch> fine = binning.encode(batch.events());
            fine.ifPresent(EVENTS::add);
            for (Feedback label : batch.labels()) {
                LABELS.add(label);
                LABEL_BATCH.add(EVENTS.size() - 1);
            }
        }
        assertThat(LABELS).hasSizeGreaterThan(12);
        device = run(WAIT_US, delayed(0), null, -1).output;
    }

    /** Events and labels, each label placed after the batch {@code delay} batches after its own (or before, < 0). */
    private static List<Either<SpikeBatch, Feedback>> delayed(int delay) {
        int[] at = new int[LABELS.size()];
        for (int l = 0; l < at.length; l++) {
            at[l] = LABEL_BATCH.get(l) + delay;
        }
        return merged(at);
    }

    /** Events in order, label l right after batch {@code at[l]} (before the first for < 0, at the end past the last). */
    private static List<Either<SpikeBatch, Feedback>> merged(int[] at) {
        List<Either<SpikeBatch, Feedback>> input = new ArrayList<>();
        int l = 0;
        while (l < at.length && at[l] < 0) {
            input.add(Either.Right(LABELS.get(l++)));
        }
        for (int b = 0; b < EVENTS.size(); b++) {
            input.add(Either.Left(EVENTS.get(b)));
            while (l < at.length && at[l] <= b) {
                input.add(Either.Right(LABELS.get(l++)));
            }
        }
        while (l < at.length) {
            input.add(Either.Right(LABELS.get(l++)));
        }
        return input;
    }

    private record Result(List<String> output, long withoutLabel, OperatorSubtaskState snapshot,
                          List<DeadLetter> unmatched) {}

    /** The processing time at which a record arrives, ms. */
    private interface Clock {
        long at(Either<SpikeBatch, Feedback> record);
    }

    /** A backlog read at once: every record arrives at the same instant. */
    private static final Clock BACKLOG = r -> 0;
    /** A live stream: each record arrives when it ends. */
    private static final Clock LIVE = r -> (r.isLeft() ? r.left().endTimeUs() : r.right().eventTimeUs()) / 1000;

    private static Result run(long waitUs, List<Either<SpikeBatch, Feedback>> input, OperatorSubtaskState restore,
                              int snapshotAt) throws Exception {
        return run(waitUs, input, restore, snapshotAt, LIVE);
    }

    /**
     * Feeds {@code input} to a fresh operator (restored from {@code restore} if given), each record at its time on
     * {@code clock} (never going back), and ends the input; with {@code snapshotAt ≥ 0}, snapshots after that many
     * records instead of going on.
     */
    private static Result run(long waitUs, List<Either<SpikeBatch, Feedback>> input, OperatorSubtaskState restore,
                              int snapshotAt, Clock clock) throws Exception {
        GestureSampleFunction function = new GestureSampleFunction(SETTINGS.sampler(), waitUs);
        try (KeyedOneInputStreamOperatorTestHarness<String, Either<SpikeBatch, Feedback>, Either<SpikeBatch, Feedback>>
                     h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                ControlledSpikingNetworkFunction::sourceKey, Types.STRING)) {
            h.setup(ControlledSpikingNetworkFunction.INPUT_TYPE.createSerializer(new SerializerConfigImpl()));
            if (restore != null) {
                h.initializeState(restore);
            }
            h.open();
            for (int i = 0; i < input.size(); i++) {
                if (i == snapshotAt) {
                    return new Result(render(h.extractOutputValues()), function.samplesWithoutLabel(),
                            h.snapshot(1, 1), unmatched(h));
                }
                h.setProcessingTime(Math.max(h.getProcessingTime(), clock.at(input.get(i))));
                h.processElement(input.get(i), 0);
            }
            h.processWatermark(new Watermark(Long.MAX_VALUE));
            return new Result(render(h.extractOutputValues()), function.samplesWithoutLabel(), null, unmatched(h));
        }
    }

    private static List<DeadLetter> unmatched(
            KeyedOneInputStreamOperatorTestHarness<String, Either<SpikeBatch, Feedback>, Either<SpikeBatch, Feedback>> h) {
        List<DeadLetter> letters = new ArrayList<>();
        if (h.getSideOutput(GestureSampleFunction.UNMATCHED_LABELS) != null) {
            for (StreamRecord<DeadLetter> r : h.getSideOutput(GestureSampleFunction.UNMATCHED_LABELS)) {
                letters.add(r.getValue());
            }
        }
        return letters;
    }

    private static List<String> render(List<Either<SpikeBatch, Feedback>> output) {
        List<String> lines = new ArrayList<>();
        for (Either<SpikeBatch, Feedback> o : output) {
            lines.add(o.isLeft()
                    ? o.left() + " " + Arrays.toString(o.left().binOffsets()) + " "
                    + Arrays.toString(o.left().channelIndices())
                    : o.right().toString());
        }
        return lines;
    }

    @Test
    void theDeviceOrderAlignsEveryLabel() {
        long labels = device.stream().filter(line -> !line.startsWith("SpikeBatch")).count();
        assertThat(labels).isEqualTo(LABELS.size());
        assertThat(device).hasSizeGreaterThan(LABELS.size() * 2);
    }

    @Test
    void aLabelThatNoSampleTakesIsDeadLetteredWithItsReason() throws Exception {
        // A second label for the first gesture: its sample has one already.
        Feedback extra = Feedback.ofClass(KEY, LABELS.get(0).eventTimeUs() + 1000, 5);
        List<Either<SpikeBatch, Feedback>> input = delayed(0);
        int first = 0;
        while (!input.get(first).isRight()) {
            first++;
        }
        input.add(first + 1, Either.Right(extra));
        Result r = run(WAIT_US, input, null, -1);
        assertThat(r.output).isEqualTo(device);
        assertThat(r.unmatched).hasSize(1);
        DeadLetter letter = r.unmatched.get(0);
        assertThat(letter.reason()).isEqualTo(WireFormatException.Reason.INVALID_RECORD);
        assertThat(letter.detail()).startsWith("gesture label of class 5 at ").contains("matches no gesture sample: "
                + "the sample at its latest onset").endsWith("has a label already: the onset of its gesture was missed");
        assertThat(RecordCodec.feedback().decode(letter.message().payload()).eventTimeUs())
                .isEqualTo(extra.eventTimeUs());
        assertThat(run(WAIT_US, delayed(0), null, -1).unmatched).isEmpty();
    }

    @Test
    void labelsAheadOfTheEventsGiveTheDevicesOutput() throws Exception {
        int[] first = new int[LABELS.size()];
        Arrays.fill(first, -1);
        assertThat(run(WAIT_US, merged(first), null, -1).output).isEqualTo(device);
        assertThat(run(WAIT_US, delayed(-150), null, -1).output).isEqualTo(device);
    }

    @Test
    void labelsBehindTheEventsGiveTheDevicesOutputWithinTheWaitAndAnotherWithout() throws Exception {
        // 1.5 s and 3 s behind: the next gesture (0.5 s after a label) has started before its predecessor's label.
        for (int delay : new int[] {1, 60, 150, 300}) {
            Result r = run(WAIT_US, delayed(delay), null, -1);
            assertThat(r.output).as("labels %d batches behind", delay).isEqualTo(device);
            assertThat(r.withoutLabel).isZero();
        }
        assertThat(run(0, delayed(150), null, -1).output).isNotEqualTo(device);
        // Behind by more than the wait: the samples go on without their labels, which are still aligned, late.
        Result late = run(1_000_000, delayed(300), null, -1);
        assertThat(late.withoutLabel).isPositive();
        assertThat(late.output).hasSameSizeAs(device).isNotEqualTo(device);
    }

    @Test
    void aBacklogWhoseLabelsLagByMoreThanTheWaitInEventTimeGivesTheDevicesOutput() throws Exception {
        // Labels 6 s of event time behind, on a queue read at once: the wait has not lasted 5 s when they come.
        Result backlog = run(WAIT_US, delayed(600), null, -1, BACKLOG);
        assertThat(backlog.output).isEqualTo(device);
        assertThat(backlog.withoutLabel).isZero();
        // The same lag on a live stream is 6 s of waiting: the samples go on without their labels.
        Result live = run(WAIT_US, delayed(600), null, -1, LIVE);
        assertThat(live.withoutLabel).isPositive();
        assertThat(live.output).hasSameSizeAs(device).isNotEqualTo(device);
    }

    @Test
    void eventsDrainedBeforeTheLabelsWaitForThemInProcessingTimeOnly() throws Exception {
        int[] atTheEnd = new int[LABELS.size()];
        Arrays.fill(atTheEnd, EVENTS.size());
        List<Either<SpikeBatch, Feedback>> input = merged(atTheEnd);
        // Every event arrives at once, the labels a while later: within the wait, the device's order.
        Result soon = run(WAIT_US, input, null, -1, r -> r.isLeft() ? 0 : WAIT_US / 1000 - 1);
        assertThat(soon.output).isEqualTo(device);
        assertThat(soon.withoutLabel).isZero();
        // Later than the wait: the processing-time timer ends the first wait with no event arriving, then each one
        // after it in turn, as the clock moves on to the labels.
        Result late = run(WAIT_US, input, null, -1, r -> r.isLeft() ? 0 : 60 * WAIT_US / 1000);
        assertThat(late.withoutLabel).isPositive();
        assertThat(late.output).isNotEqualTo(device);
        // Every label is still aligned or dead-lettered.
        assertThat(late.output.stream().filter(line -> !line.startsWith("SpikeBatch")).count()
                + late.unmatched.size()).isEqualTo(LABELS.size());
    }

    @Test
    void randomInterleavingsGiveTheDevicesOutput() throws Exception {
        Random random = new Random(11);
        for (int trial = 0; trial < 6; trial++) {
            int[] at = new int[LABELS.size()];
            for (int l = 0; l < at.length; l++) {
                // Anywhere from 4 s ahead to 4 s behind, labels staying in their order.
                at[l] = Math.max(l == 0 ? Integer.MIN_VALUE : at[l - 1], LABEL_BATCH.get(l) - 400
                        + random.nextInt(800));
            }
            assertThat(run(WAIT_US, merged(at), null, -1).output).as("trial %d", trial).isEqualTo(device);
        }
    }

    @Test
    void anUnlabelledGestureHoldsTheNextOneForTheWaitAtMost() throws Exception {
        // The device drops the label of the fourth gesture; the fifth waits (a second) and goes on.
        int[] at = new int[LABELS.size()];
        for (int l = 0; l < at.length; l++) {
            at[l] = LABEL_BATCH.get(l);
        }
        List<Either<SpikeBatch, Feedback>> input = merged(at);
        assertThat(input.removeIf(r -> r.isRight() && r.right() == LABELS.get(3))).isTrue();
        Result waited = run(1_000_000, input, null, -1);
        Result passed = run(0, input, null, -1);
        assertThat(waited.withoutLabel).isEqualTo(1);
        assertThat(waited.output).isEqualTo(passed.output);
        assertThat(waited.output.stream().filter(line -> !line.startsWith("SpikeBatch")).count())
                .isEqualTo(LABELS.size() - 1);
    }

    @Test
    void aSnapshotTakenWhileBatchesAreHeldRestoresTheWait() throws Exception {
        List<Either<SpikeBatch, Feedback>> input = delayed(150);
        // The first label's gesture ends at its batch; 100 batches on, the events are held for it.
        int cut = LABEL_BATCH.get(0) + 100;
        Result first = run(WAIT_US, input, null, cut);
        Result rest = run(WAIT_US, input.subList(cut, input.size()), first.snapshot, -1);
        List<String> output = new ArrayList<>(first.output);
        output.addAll(rest.output);
        assertThat(output).isEqualTo(device);
        // Cut before the first label reached the output: the events after the first sample were held.
        int firstLabel = 0;
        while (device.get(firstLabel).startsWith("SpikeBatch")) {
            firstLabel++;
        }
        assertThat(first.output.size()).isLessThanOrEqualTo(firstLabel);
    }

    @Test
    void aNegativeWaitIsRefused() {
        assertThatThrownBy(() -> new GestureSampleFunction(SETTINGS.sampler(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label wait must be >= 0 us");
    }
}
