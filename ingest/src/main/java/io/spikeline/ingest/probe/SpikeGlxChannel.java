package io.spikeline.ingest.probe;

/**
 * One analog channel of a SpikeGLX stream as it appears in the produced frames.
 *
 * @param savedIndex position of the channel within each sample of the {@code .bin} file
 * @param acquiredIndex the acquisition channel it was saved from (from {@code snsSaveChanSubset})
 * @param kind what the channel carries, which decides its gain
 * @param gain the amplifier gain applied before digitisation
 * @param microvoltsPerBit {@code 10⁶ × AiRangeMax / MaxInt / gain}: µV of one digital unit at the input
 */
public record SpikeGlxChannel(int savedIndex, int acquiredIndex, Kind kind, double gain, double microvoltsPerBit) {

    /** Channel kinds; imec SY and NI/OneBox digital words are not voltages and are never read as channels. */
    public enum Kind {
        /** Neuropixels action-potential band. */
        AP,
        /** Neuropixels local-field-potential band. */
        LF,
        /** NI multiplexed neural channel (gain {@code niMNGain}). */
        MN,
        /** NI multiplexed auxiliary channel (gain {@code niMAGain}). */
        MA,
        /** Non-multiplexed analog input (gain 1). */
        XA
    }
}
