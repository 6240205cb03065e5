package io.spikeline.models.neuron;

import java.util.Objects;

/**
 * Parameters of an Izhikevich population (equations in the package documentation). Potentials in mV, time in ms;
 * the input enters {@code dv/dt} directly (mV/ms, Izhikevich's "I").
 *
 * @param a recovery rate (1/ms), positive; RS 0.02
 * @param b sensitivity of the recovery variable to v, finite; RS 0.2
 * @param cMv reset potential (mV), below the peak; RS -65
 * @param d jump of the recovery variable at a spike, finite; RS 8
 * @param peakMv spike cut-off (mV): a neuron with {@code v >= peakMv} spikes; default 30
 * @param initialMv initial potential (mV), below the peak; u starts at {@code b * initialMv}; default -65
 * @param integration the integration scheme, which also fixes the step length
 */
public record IzhikevichParameters(PerNeuron a, PerNeuron b, PerNeuron cMv, PerNeuron d, double peakMv,
                                   double initialMv, IzhikevichIntegration integration) {
    public static final double DEFAULT_PEAK_MV = 30;
    public static final double DEFAULT_INITIAL_MV = -65;

    public IzhikevichParameters {
        Objects.requireNonNull(integration, "integration");
        if (!Double.isFinite(peakMv)) {
            throw new IllegalArgumentException("peakMv must be finite, was " + peakMv);
        }
        if (!(initialMv < peakMv)) {
            throw new IllegalArgumentException("initialMv must be below peakMv " + peakMv + ", was " + initialMv);
        }
        a.require(x -> x > 0 && x < Double.POSITIVE_INFINITY, "a", "positive and finite");
        b.require(Double::isFinite, "b", "finite");
        double peak = peakMv;
        cMv.require(x -> x < peak && x > Double.NEGATIVE_INFINITY, "cMv", "finite and below peakMv " + peakMv);
        d.require(Double::isFinite, "d", "finite");
    }

    /** Every neuron of class {@code neuronClass}, with the default peak and initial potential. */
    public static IzhikevichParameters of(IzhikevichClass neuronClass, IzhikevichIntegration integration) {
        return new IzhikevichParameters(PerNeuron.of(neuronClass.a()), PerNeuron.of(neuronClass.b()),
                PerNeuron.of(neuronClass.cMv()), PerNeuron.of(neuronClass.d()), DEFAULT_PEAK_MV, DEFAULT_INITIAL_MV,
                integration);
    }

    /** Neuron {@code i} of class {@code classes[i]} (a mixed population), with the default peak and initial potential. */
    public static IzhikevichParameters of(IzhikevichClass[] classes, IzhikevichIntegration integration) {
        int n = classes.length;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = classes[i].a();
            b[i] = classes[i].b();
            c[i] = classes[i].cMv();
            d[i] = classes[i].d();
        }
        return new IzhikevichParameters(PerNeuron.of(a), PerNeuron.of(b), PerNeuron.of(c), PerNeuron.of(d),
                DEFAULT_PEAK_MV, DEFAULT_INITIAL_MV, integration);
    }
}
