package io.spikeline.models.neuron;

/** The cortical neuron classes of Izhikevich (2003, Fig. 2) as (a, b, c, d) presets. */
public enum IzhikevichClass {
    /** Regular spiking (RS): tonic firing with spike-frequency adaptation (excitatory cortical cells). */
    REGULAR_SPIKING(0.02, 0.2, -65, 8),
    /** Intrinsically bursting (IB): an initial burst, then tonic single spikes. */
    INTRINSICALLY_BURSTING(0.02, 0.2, -55, 4),
    /** Chattering (CH): repetitive bursts of closely spaced spikes. */
    CHATTERING(0.02, 0.2, -50, 2),
    /** Fast spiking (FS): high-rate firing without adaptation (inhibitory interneurons). */
    FAST_SPIKING(0.1, 0.2, -65, 2),
    /** Low-threshold spiking (LTS): high rate with adaptation, rebound responses (inhibitory interneurons). */
    LOW_THRESHOLD_SPIKING(0.02, 0.25, -65, 2);

    private final double a;
    private final double b;
    private final double cMv;
    private final double d;

    IzhikevichClass(double a, double b, double cMv, double d) {
        this.a = a;
        this.b = b;
        this.cMv = cMv;
        this.d = d;
    }

    /** Recovery rate, 1/ms. */
    public double a() {
        return a;
    }

    /** Sensitivity of the recovery variable to v. */
    public double b() {
        return b;
    }

    /** Reset potential, mV. */
    public double cMv() {
        return cMv;
    }

    /** Jump of the recovery variable at a spike. */
    public double d() {
        return d;
    }
}
