package io.spikeline.models.encode;

/**
 * Parameters of {@link DeltaEncoder} (send-on-delta).
 *
 * @param delta the step between reference levels, in the input's units (finite, > 0)
 */
public record DeltaParams(double delta) {
    public DeltaParams {
        Checks.positiveFinite("DeltaParams", "delta", delta);
    }
}
