package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SNN operator's metrics as a reporter sees them, in a job on a MiniCluster: registered under their names, with
 * the counts of what the job was given, per operator and, for the one key allowed a group of its own, per key.
 */
class SnnMetricsJobTest {
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final int BATCHES = 100;
    private static final int DROPPED = 50;

    private static NetworkSpec spec() {
        return ReachingNetworks.decoder(ReachingNetworks.session(0));
    }

    /** Counts of one key's input. */
    private record Sent(long batches, long feedback, long spikes, long channelBins) {
        Sent plus(Sent other) {
            return new Sent(batches + other.batches, feedback + other.feedback, spikes + other.spikes,
                    channelBins + other.channelBins);
        }
    }

    private static Sent count(List<Either<SpikeBatch, Feedback>> inputs) {
        long batches = 0;
        long feedback = 0;
        long spikes = 0;
        long channelBins = 0;
        for (Either<SpikeBatch, Feedback> input : inputs) {
            if (input.isLeft()) {
                batches++;
                spikes += input.left().spikeCount();
                channelBins += (long) input.left().channelCount() * input.left().binCount();
            } else {
                feedback++;
            }
        }
        return new Sent(batches, feedback, spikes, channelBins);
    }

    @Test
    void countersHistogramsAndOneKeysOwnGroupCountWhatTheJobWasGiven() throws Exception {
        // Key a loses one batch (a 20 ms gap; its feedback then finds no decode and is dropped as late); b is whole.
        List<Either<SpikeBatch, Feedback>> a = new ArrayList<>(
                ReachingNetworks.sessionWithDirectOutputs("a", 1, BATCHES).inputs());
        a.remove(2 * DROPPED);
        List<Either<SpikeBatch, Feedback>> b = ReachingNetworks.sessionWithDirectOutputs("b", 2, BATCHES).inputs();
        List<Either<SpikeBatch, Feedback>> inputs = new ArrayList<>();
        inputs.add(a.get(0));
        for (int i = 0; i < a.size() || i < b.size(); i++) {
            if (i > 0 && i < a.size()) {
                inputs.add(a.get(i));
            }
            if (i < b.size()) {
                inputs.add(b.get(i));
            }
        }
        Sent sentA = count(a);
        Sent sentAll = sentA.plus(count(b));

        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.fromData(inputs, ControlledSpikingNetworkFunction.INPUT_TYPE)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(NetworkControl.freeze(1, 0, null, false)), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(SnnMetricsJobTest::spec,
                        SnnOptions.defaults().withKeyMetricGroups(1)), RecordTypes.DECODING)
                .name("snn")
                .sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("snn-metrics");
        job.getJobExecutionResult().get();

        Map<String, Metric> operator = metrics(job.getJobID(), null);
        Map<String, Metric> keyA = metrics(job.getJobID(), "a");
        assertThat(metrics(job.getJobID(), "b")).as("key b has no group of its own").isEmpty();

        assertThat(count(operator, "batches")).isEqualTo(sentAll.batches());
        assertThat(count(operator, "feedbackRecords")).isEqualTo(sentAll.feedback());
        assertThat(count(operator, "inputSpikes")).isEqualTo(sentAll.spikes());
        assertThat(count(operator, "inputChannelBins")).isEqualTo(sentAll.channelBins());
        assertThat(count(operator, "decodings")).isEqualTo(sentAll.batches());
        assertThat(count(operator, "inputGaps")).isEqualTo(1);
        assertThat(count(operator, "inputGapUs")).isEqualTo(20_000);
        assertThat(count(operator, "feedbackLateDropped")).isEqualTo(1);
        assertThat(count(operator, "feedbackApplied")).isEqualTo(sentAll.feedback() - 1);
        assertThat(count(operator, "staleBatchesSkipped")).isZero();
        assertThat(count(operator, "synapticOperations")).isPositive();
        assertThat(((Histogram) operator.get("decodeLatencyUs")).getCount()).isEqualTo(sentAll.batches());
        assertThat(((Histogram) operator.get("lagUs")).getCount()).isEqualTo(sentAll.batches());
        assertThat(((Histogram) operator.get("decodeLatencyUs")).getStatistics().getQuantile(0.99)).isNotNegative();
        assertThat((Double) ((Gauge<?>) operator.get("inputSparsity")).getValue())
                .isEqualTo(1.0 - (double) sentAll.spikes() / sentAll.channelBins());

        assertThat(count(keyA, "batches")).isEqualTo(sentA.batches());
        assertThat(count(keyA, "feedbackRecords")).isEqualTo(sentA.feedback());
        assertThat(count(keyA, "inputSpikes")).isEqualTo(sentA.spikes());
        assertThat(count(keyA, "decodings")).isEqualTo(sentA.batches());
        assertThat(count(keyA, "inputGaps")).isEqualTo(1);
        assertThat(count(keyA, "feedbackLateDropped")).isEqualTo(1);
        assertThat(count(keyA, "synapticOperations")).isPositive()
                .isLessThan(count(operator, "synapticOperations"));
        assertThat((Double) ((Gauge<?>) keyA.get("inputSparsity")).getValue())
                .isEqualTo(1.0 - (double) sentA.spikes() / sentA.channelBins());
    }

    private static long count(Map<String, Metric> metrics, String name) {
        assertThat(metrics).as("metrics").containsKey(name);
        return ((Counter) metrics.get(name)).getCount();
    }

    /**
     * The metrics of the job's snn operator by name: of the operator itself ({@code key} null), or of the group of
     * key {@code key}.
     */
    private static Map<String, Metric> metrics(JobID job, String key) {
        Map<String, Metric> found = new TreeMap<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> e : REPORTER.getMetricsByGroup().entrySet()) {
            Map<String, String> variables = e.getKey().getAllVariables();
            if (job.toString().equals(variables.get("<job_id>")) && "snn".equals(variables.get("<operator_name>"))
                    && Objects.equals(key, variables.get("<sourceKey>"))) {
                found.putAll(e.getValue());
            }
        }
        return found;
    }
}
