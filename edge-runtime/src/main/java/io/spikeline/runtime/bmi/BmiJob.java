package io.spikeline.runtime.bmi;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import io.spikeline.operators.snn.NetworkControl;
import io.spikeline.operators.snn.SnnOptions;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * The {@code bmi} job on the simulated implant: spike counts in 1 ms bins (the spike-count probe stream) and hand
 * velocity feedback, from one source in device order → the SNN decoder per key, learning online from the velocity
 * → {@link Decoding}s of hand velocity.
 *
 * <p>The broadband branch of the application (Bessel band-pass → threshold crossing at 30 kHz) is not part of this
 * job yet: its spike batches are per sample and the decoder takes 1 ms bins.
 */
public final class BmiJob {
    private BmiJob() {}

    /** Adds the job to {@code env} (whose generic types must be disabled); returns the decodings. */
    public static DataStream<Decoding> decodings(StreamExecutionEnvironment env, BmiSettings settings) {
        long records = 2 * settings.batches();
        RateLimiterStrategy<?> pace = settings.realTime()
                ? RateLimiterStrategy.perSecond(2 / settings.batchSeconds())
                : RateLimiterStrategy.noOp();
        DataGeneratorSource<Either<SpikeBatch, Feedback>> source = new DataGeneratorSource<>(
                new ReachingGenerator(settings), records, pace, ControlledSpikingNetworkFunction.INPUT_TYPE);
        NetworkControl learning = Double.isInfinite(settings.learnSeconds())
                ? NetworkControl.freeze(1, 0, null, false)
                : NetworkControl.freeze(1, Math.round(settings.learnSeconds() * 1e6), null, true);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "simulated implant").setParallelism(1)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(learning), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(
                        () -> BmiDecoders.velocityDecoder(settings.session()), SnnOptions.defaults()),
                        RecordTypes.DECODING)
                .name("snn decoder");
    }
}
