package io.spikeline.ingest.sim;

/**
 * The gesture classes of the event-camera simulator; the ordinal is the class label. Image coordinates: x
 * grows to the right, y grows downwards, so "up" moves towards y = 0 and a clockwise circle turns as a
 * clock's hands do on the screen.
 */
public enum Gesture {
    CIRCLE_CLOCKWISE,
    CIRCLE_COUNTERCLOCKWISE,
    SWIPE_LEFT,
    SWIPE_RIGHT,
    SWIPE_UP,
    SWIPE_DOWN,
    DIAGONAL_UP_RIGHT,
    DIAGONAL_DOWN_LEFT,
    WAVE,
    NOD,
    PUSH,
    PULL;

    /**
     * Where the hand is at phase {@code tau} ∈ [0, 1] of the gesture: {@code out[0..1]} the centre as a
     * fraction of the sensor size from its middle (−0.5..0.5), {@code out[2]} the radius relative to the
     * nominal radius.
     */
    void pose(double tau, double[] out) {
        double travel = 0.6 * (tau - 0.5);
        double angle = 2 * Math.PI * tau;
        out[2] = 1;
        switch (this) {
            case CIRCLE_CLOCKWISE -> {
                out[0] = 0.25 * Math.cos(angle);
                out[1] = 0.25 * Math.sin(angle);
            }
            case CIRCLE_COUNTERCLOCKWISE -> {
                out[0] = 0.25 * Math.cos(angle);
                out[1] = -0.25 * Math.sin(angle);
            }
            case SWIPE_LEFT -> set(out, -travel, 0);
            case SWIPE_RIGHT -> set(out, travel, 0);
            case SWIPE_UP -> set(out, 0, -travel);
            case SWIPE_DOWN -> set(out, 0, travel);
            case DIAGONAL_UP_RIGHT -> set(out, travel, -travel);
            case DIAGONAL_DOWN_LEFT -> set(out, -travel, travel);
            case WAVE -> set(out, 0.2 * Math.sin(3 * angle), 0);
            case NOD -> set(out, 0, 0.2 * Math.sin(3 * angle));
            case PUSH -> {
                set(out, 0, 0);
                out[2] = 0.5 + 1.5 * tau;
            }
            case PULL -> {
                set(out, 0, 0);
                out[2] = 2 - 1.5 * tau;
            }
            default -> throw new IllegalStateException("no pose for " + this);
        }
    }

    private static void set(double[] out, double x, double y) {
        out[0] = x;
        out[1] = y;
    }
}
