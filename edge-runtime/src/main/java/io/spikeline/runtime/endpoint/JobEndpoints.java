package io.spikeline.runtime.endpoint;

/**
 * The endpoints of one application run, as given on the command line: where its sensor stream and its feedback come
 * from, and where its decodings and dead letters go. Without a source the application runs its simulator, which
 * brings its own feedback.
 *
 * @param source the sensor stream, or {@code null} for the application's simulator
 * @param feedback the feedback (labels, true kinematics), required with a source other than a simulator
 * @param sink where the decodings go, or {@code null} to only score and report them
 * @param deadLetters where undecodable messages go, or {@code null} to log and count them
 * @param control a Kafka or MQTT topic of controls for the decoder ({@link ControlMessages}), or {@code null}
 */
public record JobEndpoints(Endpoint source, Endpoint feedback, Endpoint sink, Endpoint deadLetters, Endpoint control) {
    /** The built-in simulator, its decodings only scored and reported. */
    public static final JobEndpoints NONE = new JobEndpoints(null, null, null, null, null);

    public JobEndpoints {
        if (source == null || source instanceof SimEndpoint) {
            if (feedback != null) {
                throw new IllegalArgumentException("--feedback " + feedback.url() + " needs a --source that is not a "
                        + "simulator: " + (source == null ? "the built-in simulator" : source.url())
                        + " brings its own feedback");
            }
        } else if (feedback == null) {
            throw new IllegalArgumentException("--source " + source.url() + " needs --feedback, the stream the decoder "
                    + "learns from");
        }
        for (Endpoint out : new Endpoint[] {sink, deadLetters}) {
            if (out instanceof SimEndpoint) {
                throw new IllegalArgumentException("'" + out.url() + "' is a simulator, which can only be a source");
            }
        }
        if (control != null && !(control instanceof KafkaEndpoint || control instanceof MqttEndpoint)) {
            throw new IllegalArgumentException("--control " + control.url() + ": controls come from a kafka:// or "
                    + "mqtt:// topic");
        }
    }

    /** Parses the URLs given ({@code null} for an option not given). */
    public static JobEndpoints parse(String source, String feedback, String sink, String deadLetters, String control) {
        return NONE.overriddenBy(source, feedback, sink, deadLetters, control);
    }

    /**
     * The endpoints of an application whose records carry their own feedback (labelled packets): its source, when it
     * is not a simulator, is its feedback too, so it needs no other.
     */
    public static JobEndpoints selfLabelled(String source, String sink, String deadLetters) {
        Endpoint in = source == null ? null : Endpoint.parse(source);
        return new JobEndpoints(in, in == null || in instanceof SimEndpoint ? null : in,
                sink == null ? null : Endpoint.parse(sink), deadLetters == null ? null : Endpoint.parse(deadLetters),
                null);
    }

    /**
     * These endpoints with the URLs given (not {@code null}) in their place, as command-line options override a
     * configuration file's.
     */
    public JobEndpoints overriddenBy(String source, String feedback, String sink, String deadLetters, String control) {
        return new JobEndpoints(source != null ? Endpoint.parse(source) : this.source,
                feedback != null ? Endpoint.parse(feedback) : this.feedback,
                sink != null ? Endpoint.parse(sink) : this.sink,
                deadLetters != null ? Endpoint.parse(deadLetters) : this.deadLetters,
                control != null ? Endpoint.parse(control) : this.control);
    }

    /** Whether the sensor stream is the application's simulator (built in, or named by a {@code sim:} URL). */
    public boolean simulated() {
        return source == null || source instanceof SimEndpoint;
    }

    /** The simulator URL given, if any. */
    public SimEndpoint simulator() {
        return source instanceof SimEndpoint sim ? sim : null;
    }

    /**
     * Whether every input ends by itself (simulators and files); a broker input runs until stopped. Controls do not
     * count: the job ends with its signal.
     */
    public boolean bounded() {
        return (source == null || source.bounded()) && (feedback == null || feedback.bounded());
    }

    /** Whether the job ends by itself: its inputs are {@link #bounded} and it reads no controls, which never end. */
    public boolean jobEnds() {
        return bounded() && control == null;
    }

    /** Whether the run reads or writes any endpoint (else it is the plain embedded run). */
    public boolean any() {
        return source != null || sink != null || deadLetters != null || control != null;
    }

    /** The inputs in words, for reports. */
    public String describeInput() {
        return source.url() + (feedback == null ? "" : feedback == source ? " (its records labelled)"
                : ", feedback from " + feedback.url());
    }
}
