package io.spikeline.runtime.endpoint;

/**
 * The {@code host[:port]} part of a broker URL; an IPv6 address is written in brackets ({@code [::1]:1883}).
 *
 * @param host host name or address (without brackets)
 * @param port TCP port, 1 to 65535
 */
public record HostPort(String host, int port) {

    public HostPort {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    /**
     * Parses {@code authority} ({@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}) of {@code url},
     * with {@code defaultPort} when none is given; fails naming the part that is wrong and the URL.
     */
    public static HostPort parse(String authority, int defaultPort, String url) {
        int colon = authority.lastIndexOf(':');
        String host = authority;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("host '" + authority + "' in '" + url + "' lacks its closing ]");
            }
            host = authority.substring(1, close);
            colon = authority.indexOf(':', close);
        } else if (colon >= 0) {
            host = authority.substring(0, colon);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is missing in '" + url + "'");
        }
        int port = defaultPort;
        if (colon >= 0) {
            String portText = authority.substring(colon + 1);
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port '" + portText + "' in '" + url + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port + " in '" + url + "'");
            }
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
