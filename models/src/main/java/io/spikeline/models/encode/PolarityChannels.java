package io.spikeline.models.encode;

/** Whether {@link EventBinningEncoder} gives ON and OFF events their own channels or merges them. */
public enum PolarityChannels {
    /** OFF events use channels {@code [0, W'H')}, ON events {@code [W'H', 2W'H')}. */
    SEPARATE,
    /** Both polarities share channel {@code y'W' + x'}. */
    MERGED
}
