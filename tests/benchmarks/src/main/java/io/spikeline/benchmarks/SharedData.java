package io.spikeline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the shared recordings: {@code SPIKELINE_SHARED}, else a {@code shared/} folder beside a parent. */
final class SharedData {
    private SharedData() {}

    static Path file(String relative) {
        String fromEnv = System.getenv("SPIKELINE_SHARED");
        if (fromEnv != null) {
            return Paths.get(fromEnv, "data", relative);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/data/" + relative + "; set SPIKELINE_SHARED");
    }
}
