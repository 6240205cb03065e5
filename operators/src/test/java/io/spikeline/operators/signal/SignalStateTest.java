package io.spikeline.operators.signal;

import static io.spikeline.operators.signal.SignalFixtures.noise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.filter.BlockBidirectionalFilter;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.operators.state.SnapshotStateSerializer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The keyed state records of the signal operators: round trips, shape from data, loud failure on bad input. */
class SignalStateTest {
    private static final FilterSpec LOWPASS = FilterSpec.causal(BandType.LOWPASS, 3, new double[] {40}, BesselNorm.MAG);

    private static FilterKeyState filterState(FilterSpec spec, List<SampleFrame> frames) {
        FilterKeyState state = new FilterKeyState(new FilterDesigns(spec));
        state.start(frames.get(0));
        for (SampleFrame f : frames) {
            state.filter(f, f.data());
            state.continuity().advance(f);
        }
        return state;
    }

    @ParameterizedTest
    @EnumSource(FilterMode.class)
    void filterStateRoundTripsIntoAnEmptyStateAndCarriesItsShapeFromTheData(FilterMode mode) throws Exception {
        FilterSpec spec = mode == FilterMode.CAUSAL ? LOWPASS : FilterSpec.blockBidirectional(BandType.LOWPASS, 3,
                new double[] {40}, BesselNorm.MAG, 12, BlockBidirectionalFilter.Variant.FORWARD_CARRIED_BACKWARD_ZERO);
        FilterKeyState written = filterState(spec, noise("k", 1, 500, 3, 5, 7));
        FilterKeyState read = new FilterKeyState(new FilterDesigns(spec));
        Snapshots.restore(read, Snapshots.toBytes(written));
        assertThat(SnapshotStateSerializer.sameState(read, written)).isTrue();
        assertThat(read.fits(noise("k", 1, 500, 3, 1, 7).get(0))).isTrue();
        assertThat(read.fits(noise("k", 1, 500, 4, 1, 7).get(0))).isFalse();
    }

    @Test
    void anUnknownVersionOrAnotherFilterOrderFailsLoudly() {
        byte[] bytes = Snapshots.toBytes(filterState(LOWPASS, noise("k", 2, 500, 2, 3, 5)));
        byte[] future = bytes.clone();
        future[5] = 2;
        assertThatThrownBy(() -> Snapshots.restore(new FilterKeyState(new FilterDesigns(LOWPASS)), future))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("version 2");
        FilterSpec higherOrder = FilterSpec.causal(BandType.LOWPASS, 6, new double[] {40}, BesselNorm.MAG);
        assertThatThrownBy(() -> Snapshots.restore(new FilterKeyState(new FilterDesigns(higherOrder)), bytes))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("section count");
    }

    @Test
    void encoderStateRoundTripsWithItsShapeAndRejectsAnUnknownVersion() throws Exception {
        EncoderSpec.Rate spec = new EncoderSpec.Rate(3, 5);
        ModelState.Factory<SampleEncoder> factory = (channels, unused, key) -> spec.create(channels, key);
        ModelState<SampleEncoder> written = new ModelState<>(factory);
        written.start(6, 0, "k");
        for (SampleFrame f : noise("k", 3, 1000, 6, 4, 10)) {
            written.model().encode(f);
        }
        ModelState<SampleEncoder> read = new ModelState<>(factory);
        Snapshots.restore(read, Snapshots.toBytes(written));
        assertThat(read.fits(6, 0)).isTrue();
        assertThat(SnapshotStateSerializer.sameState(read, written)).isTrue();
        SampleFrame next = noise("k", 4, 1000, 6, 1, 50).get(0);
        assertThat(read.model().encode(next)).isEqualTo(written.model().encode(next));

        byte[] future = Snapshots.toBytes(written);
        future[5] = 9;
        assertThatThrownBy(() -> Snapshots.restore(new ModelState<>(factory), future))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("version 9");
    }
}
