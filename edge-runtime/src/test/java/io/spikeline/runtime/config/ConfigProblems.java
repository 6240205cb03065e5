package io.spikeline.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a configuration into a folder and asserts the problem its reader reports: file, line and message. */
record ConfigProblems(Path dir, Reader reader) {
    /** A configuration reader. */
    interface Reader {
        Object read(Path file) throws Exception;
    }

    Path write(String yaml) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    void assertProblem(String yaml, int line, String message) throws Exception {
        Path file = write(yaml);
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":" + line + ": " + message)
                .satisfies(e -> assertThat(((ConfigException) e).line()).isEqualTo(line));
    }

    void assertProblemStartsWith(String yaml, int line, String message) throws Exception {
        Path file = write(yaml);
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":" + line + ": " + message)
                .satisfies(e -> assertThat(((ConfigException) e).line()).isEqualTo(line));
    }
}
