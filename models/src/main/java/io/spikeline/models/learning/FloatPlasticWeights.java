package io.spikeline.models.learning;

/** Learning view over the {@code float} weight array of a synapse matrix, updated in place. */
final class FloatPlasticWeights extends PlasticWeights {
    private final float[] weights;

    FloatPlasticWeights(SynapseIndex index, float[] weights) {
        super(index);
        this.weights = weights;
    }

    @Override
    double weightAt(int synapse) {
        return weights[synapse];
    }

    @Override
    void setWeightAt(int synapse, double w) {
        weights[synapse] = (float) w;
    }
}
