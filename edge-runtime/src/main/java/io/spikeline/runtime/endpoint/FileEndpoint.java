package io.spikeline.runtime.endpoint;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A file: {@code file:///absolute/path} or {@code file:relative/path}. As a source, any recording
 * {@link Recordings} opens; as a sink, JSON lines (see {@link JsonLines}).
 *
 * @param url the URL as written
 * @param path the file (or, for Open Ephys legacy recordings, folder)
 */
public record FileEndpoint(String url, Path path) implements Endpoint {

    static FileEndpoint of(String url, UrlParts parts) {
        parts.allowOnly(Set.of());
        String body = parts.body();
        String path;
        if (body.startsWith("//")) {
            int slash = body.indexOf('/', 2);
            String host = slash < 0 ? body.substring(2) : body.substring(2, slash);
            if (!host.isEmpty() && !host.equals("localhost")) {
                throw parts.problem("a file URL names a local file: file:///path (three slashes), not host '" + host
                        + "'");
            }
            path = slash < 0 ? "" : body.substring(slash);
        } else {
            path = body;
        }
        if (path.isEmpty()) {
            throw parts.problem("the path is missing (expected file:///path)");
        }
        try {
            return new FileEndpoint(url, Path.of(path));
        } catch (InvalidPathException e) {
            throw parts.problem("'" + path + "' is not a valid path: " + e.getMessage());
        }
    }
}
