package io.spikeline.models.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeline.models.testing.SharedFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IzhikevichPopulationTest {
    private static final JsonNode IZH = SharedFiles.readTestVectors("izhikevich.json");
    private static final double RELATIVE = 1e-9;

    @Test
    void theIzhikevich2003LoopReproducesTheReference() {
        JsonNode form = IZH.get("form1_izhikevich2003");
        assertReproduces(form, new IzhikevichIntegration.HalfSteps2003(), SharedFiles.ints(form.get("spike_iters")));
    }

    @Test
    void forwardEulerAtHalfAMillisecondReproducesTheReference() {
        JsonNode form = IZH.get("form2_euler_dt0.5");
        assertThat(form.get("dt_ms").asDouble()).isEqualTo(0.5);
        assertReproduces(form, new IzhikevichIntegration.ForwardEuler(0.5), SharedFiles.ints(form.get("spike_steps")));
    }

    private static void assertReproduces(JsonNode form, IzhikevichIntegration integration,
                                                         int[] expectedSpikes) {
        JsonNode params = IZH.get("params");
        IzhikevichParameters p = new IzhikevichParameters(PerNeuron.of(params.get("a").asDouble()),
                PerNeuron.of(params.get("b").asDouble()), PerNeuron.of(params.get("c").asDouble()),
                PerNeuron.of(params.get("d").asDouble()), params.get("v_peak").asDouble(), params.get("v0").asDouble(),
                integration);
        IzhikevichPopulation population = new IzhikevichPopulation(1, p);
        assertThat(population.recovery()[0]).isEqualTo(params.get("u0").asDouble());
        double[] current = SharedFiles.doubles(form.get("I"));
        double[] v = SharedFiles.doubles(form.get("v"));
        double[] u = SharedFiles.doubles(form.get("u"));
        double[] crossing = form.has("v_at_threshold_crossing")
                ? SharedFiles.doubles(form.get("v_at_threshold_crossing")) : null;
        int[] spikes = new int[1];
        List<Integer> spikeSteps = new ArrayList<>();
        for (int t = 0; t < current.length; t++) {
            assertThat((double) (float) current[t]).isEqualTo(current[t]);
            if (population.step(new float[] {(float) current[t]}, spikes) == 1) {
                if (crossing != null) {
                    double expected = crossing[spikeSteps.size()];
                    assertThat(population.voltageAtSpikeMv()[0]).as("v at crossing %d", spikeSteps.size())
                            .isCloseTo(expected, within(RELATIVE * Math.abs(expected)));
                }
                spikeSteps.add(t);
            }
            assertThat(population.potentialMv()[0]).as("v[%d]", t).isCloseTo(v[t], within(RELATIVE * Math.abs(v[t])));
            assertThat(population.recovery()[0]).as("u[%d]", t).isCloseTo(u[t], within(RELATIVE * Math.abs(u[t])));
        }
        assertThat(spikeSteps).containsExactly(box(expectedSpikes));
    }

    private static Integer[] box(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    /** Interspike intervals (ms) of each neuron of a mixed population of all classes under constant input 10. */
    private static List<List<Double>> intervalsUnderConstantInput(IzhikevichClass[] classes, double durationMs) {
        IzhikevichIntegration fine = new IzhikevichIntegration.ForwardEuler(0.1);
        IzhikevichPopulation population = new IzhikevichPopulation(classes.length,
                IzhikevichParameters.of(classes, fine));
        int steps = (int) Math.round(durationMs / fine.stepMs());
        float[] input = new float[classes.length];
        Arrays.fill(input, 10f);
        List<List<Integer>> times = PopulationRuns.spikeTimes(
                PopulationRuns.run(population, PopulationRuns.constantInput(steps, input), 0, steps), classes.length);
        List<List<Double>> intervals = new ArrayList<>();
        for (List<Integer> t : times) {
            List<Double> isi = new ArrayList<>();
            for (int k = 1; k < t.size(); k++) {
                isi.add((t.get(k) - t.get(k - 1)) * fine.stepMs());
            }
            intervals.add(isi);
        }
        return intervals;
    }

    @Test
    void theNeuronClassesShowTheirCharacteristicFiringPatterns() {
        IzhikevichClass[] classes = IzhikevichClass.values();
        List<List<Double>> isi = intervalsUnderConstantInput(classes, 1000);
        List<Double> rs = isi.get(IzhikevichClass.REGULAR_SPIKING.ordinal());
        List<Double> ib = isi.get(IzhikevichClass.INTRINSICALLY_BURSTING.ordinal());
        List<Double> ch = isi.get(IzhikevichClass.CHATTERING.ordinal());
        List<Double> fs = isi.get(IzhikevichClass.FAST_SPIKING.ordinal());
        List<Double> lts = isi.get(IzhikevichClass.LOW_THRESHOLD_SPIKING.ordinal());

        // fast spiking fires several times faster than regular spiking at the same input
        assertThat(fs.size()).isGreaterThan(3 * rs.size());
        assertThat(lts.size()).isGreaterThan(2 * rs.size());
        // regular spiking adapts: the first interval is much shorter than the settled ones, and no bursts
        assertThat(rs.get(0)).isLessThan(0.7 * rs.get(rs.size() - 1));
        assertThat(rs).allSatisfy(x -> assertThat(x).isGreaterThan(15.0));
        // fast spiking barely adapts once settled
        assertThat(fs.get(fs.size() - 1) / fs.get(5)).isCloseTo(1.0, within(0.1));
        // intrinsically bursting: an initial burst, then single spikes
        assertThat(ib.subList(0, 2)).allSatisfy(x -> assertThat(x).isLessThan(10.0));
        assertThat(ib.subList(2, ib.size())).allSatisfy(x -> assertThat(x).isGreaterThan(20.0));
        // chattering: repeated bursts, each of several spikes < 10 ms apart, separated by gaps > 30 ms
        int bursts = 0;
        int shortRun = 0;
        for (double x : ch) {
            if (x < 10) {
                shortRun++;
            } else {
                assertThat(x).isGreaterThan(30.0);
                assertThat(shortRun).isGreaterThanOrEqualTo(2);
                bursts++;
                shortRun = 0;
            }
        }
        assertThat(bursts).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aMixedPopulationEqualsSeparateSingleClassPopulations() {
        IzhikevichClass[] classes = {IzhikevichClass.FAST_SPIKING, IzhikevichClass.REGULAR_SPIKING,
            IzhikevichClass.CHATTERING, IzhikevichClass.REGULAR_SPIKING};
        IzhikevichIntegration integration = new IzhikevichIntegration.HalfSteps2003();
        float[][] input = PopulationRuns.randomInput(400, classes.length, 0f, 15f, 3);
        List<List<Integer>> mixed = PopulationRuns.spikeTimes(PopulationRuns.run(
                new IzhikevichPopulation(classes.length, IzhikevichParameters.of(classes, integration)), input, 0, 400),
                classes.length);
        for (int j = 0; j < classes.length; j++) {
            float[][] column = new float[400][];
            for (int t = 0; t < 400; t++) {
                column[t] = new float[] {input[t][j]};
            }
            List<List<Integer>> alone = PopulationRuns.spikeTimes(PopulationRuns.run(
                    new IzhikevichPopulation(1, IzhikevichParameters.of(classes[j], integration)), column, 0, 400), 1);
            assertThat(mixed.get(j)).isNotEmpty().isEqualTo(alone.get(0));
        }
    }

    @Test
    void snapshotThenRestoreThenContinueEqualsAnUninterruptedRun() throws Exception {
        IzhikevichClass[] classes = IzhikevichClass.values();
        for (IzhikevichIntegration integration : new IzhikevichIntegration[] {
            new IzhikevichIntegration.HalfSteps2003(), new IzhikevichIntegration.ForwardEuler(0.25)}) {
            float[][] input = PopulationRuns.randomInput(600, classes.length, 0f, 20f, 8);
            int spikes = PopulationRuns.assertSnapshotContinuationEqualsUninterrupted(
                    () -> new IzhikevichPopulation(classes.length, IzhikevichParameters.of(classes, integration)),
                    input, 251);
            assertThat(spikes).isGreaterThan(20);
        }
    }

    @Test
    void invalidParametersAreRejected() {
        IzhikevichIntegration integration = new IzhikevichIntegration.HalfSteps2003();
        assertThatThrownBy(() -> new IzhikevichParameters(PerNeuron.of(new double[] {0.02, -1}), PerNeuron.of(0.2),
                PerNeuron.of(-65), PerNeuron.of(8), 30, -65, integration))
                .hasMessage("a[1] must be positive and finite, was -1.0");
        assertThatThrownBy(() -> new IzhikevichParameters(PerNeuron.of(0.02), PerNeuron.of(0.2), PerNeuron.of(40),
                PerNeuron.of(8), 30, -65, integration))
                .hasMessage("cMv must be finite and below peakMv 30.0, was 40.0");
        assertThatThrownBy(() -> new IzhikevichIntegration.ForwardEuler(0))
                .hasMessage("dtMs must be in (0, 1] ms, was 0.0");
    }
}
