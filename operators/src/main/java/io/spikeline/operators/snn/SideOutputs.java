package io.spikeline.operators.snn;

import java.util.function.Consumer;

/** Where the per-key work of the SNN operator sends what is not a decoding: its function's side outputs. */
interface SideOutputs {

    void export(ModelSnapshot snapshot);

    void drift(FeedbackDrift drift);

    /** Side outputs through a function context's {@code output} method. */
    static SideOutputs of(Consumer<ModelSnapshot> exports, Consumer<FeedbackDrift> drifts) {
        return new SideOutputs() {
            @Override
            public void export(ModelSnapshot snapshot) {
                exports.accept(snapshot);
            }

            @Override
            public void drift(FeedbackDrift drift) {
                drifts.accept(drift);
            }
        };
    }
}
