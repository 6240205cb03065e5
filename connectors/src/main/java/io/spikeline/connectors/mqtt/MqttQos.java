package io.spikeline.connectors.mqtt;

/** MQTT quality of service of a subscription or a publication. */
public enum MqttQos {
    /** Fire and forget: a message may be lost, never duplicated. */
    AT_MOST_ONCE(0),
    /** Acknowledged (PUBACK): a message may be redelivered, never lost by the broker. */
    AT_LEAST_ONCE(1),
    /** Four-way handshake (PUBREC/PUBREL/PUBCOMP): exactly one delivery between two live endpoints. */
    EXACTLY_ONCE(2);

    private final int level;

    MqttQos(int level) {
        this.level = level;
    }

    /** The level on the wire: 0, 1 or 2. */
    public int level() {
        return level;
    }

    /** The QoS of wire level {@code level}; fails for anything but 0, 1 and 2. */
    public static MqttQos ofLevel(int level) {
        return switch (level) {
            case 0 -> AT_MOST_ONCE;
            case 1 -> AT_LEAST_ONCE;
            case 2 -> EXACTLY_ONCE;
            default -> throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, was " + level);
        };
    }
}
