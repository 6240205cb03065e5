package io.spikeline.runtime.config;

import java.nio.file.Path;

/** A pipeline configuration that cannot be used: names the file, the line and the problem. */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public ConfigException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.line = line;
    }

    /** The line of the file the problem is on, from 1. */
    public int line() {
        return line;
    }
}
