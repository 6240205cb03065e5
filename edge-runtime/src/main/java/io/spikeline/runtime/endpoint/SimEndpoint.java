package io.spikeline.runtime.endpoint;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A simulator: {@code sim:name[?option=value&…]}, for example {@code sim:reaching?channels=96&seed=1} or
 * {@code sim:eeg?seed=2}. Which options a simulator takes is up to the application that runs it: it reads them with
 * {@link #integer} and refuses the rest with {@link #allowOnly}.
 *
 * @param url the URL as written
 * @param simulator which simulator
 * @param options the options as written
 */
public record SimEndpoint(String url, Simulator simulator, Map<String, String> options) implements Endpoint {

    /** The simulators. */
    public enum Simulator { REACHING, EEG, GESTURE, PACKETS }

    public SimEndpoint {
        options = Map.copyOf(options);
    }

    static SimEndpoint of(String url, UrlParts parts) {
        Simulator simulator = switch (parts.body()) {
            case "reaching" -> Simulator.REACHING;
            case "eeg" -> Simulator.EEG;
            case "gesture" -> Simulator.GESTURE;
            case "packets" -> Simulator.PACKETS;
            default -> throw parts.problem("unknown simulator '" + parts.body()
                    + "': expected sim:reaching, sim:eeg, sim:gesture or sim:packets");
        };
        return new SimEndpoint(url, simulator, parts.options());
    }

    /** Fails naming the URL unless the simulator is {@code expected}, for an application that runs only that one. */
    public SimEndpoint require(Simulator expected) {
        if (simulator != expected) {
            throw new IllegalArgumentException("'" + url + "': this application runs sim:"
                    + expected.name().toLowerCase(Locale.ROOT) + ", not sim:"
                    + simulator.name().toLowerCase(Locale.ROOT));
        }
        return this;
    }

    /** Fails naming every option not among {@code known}. */
    public void allowOnly(Set<String> known) {
        parts().allowOnly(known);
    }

    /** An integer option, or {@code fallback}. */
    public long integer(String name, long fallback) {
        return parts().integer(name, fallback);
    }

    /** A text option, or {@code fallback}. */
    public String text(String name, String fallback) {
        return parts().text(name, fallback);
    }

    private UrlParts parts() {
        return UrlParts.split(url, url.indexOf(':') + 1);
    }
}
