package io.spikeline.models.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the project's shared reference folder ({@code shared/} beside the repository: SciPy test
 * vectors and real recordings) and reads its JSON vectors. The folder is found from the environment
 * variable {@code SPIKELINE_SHARED}, else by walking up from the working directory to a parent that has a
 * {@code shared/testvectors} sibling or child.
 */
public final class SharedFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path root;

    private SharedFiles() {}

    public static synchronized Path root() {
        if (root != null) {
            return root;
        }
        String fromEnv = System.getenv("SPIKELINE_SHARED");
        if (fromEnv != null && Files.isDirectory(Paths.get(fromEnv, "testvectors"))) {
            return root = Paths.get(fromEnv).toAbsolutePath();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared"), dir.resolveSibling("shared")}) {
                if (Files.isDirectory(candidate.resolve("testvectors"))) {
                    return root = candidate;
                }
            }
        }
        throw new IllegalStateException("cannot find the shared reference folder (shared/testvectors) above "
                + Paths.get("").toAbsolutePath() + "; set SPIKELINE_SHARED");
    }

    public static Path testVector(String fileName) {
        return root().resolve("testvectors").resolve(fileName);
    }

    public static Path data(String relativePath) {
        return root().resolve("data").resolve(relativePath);
    }

    /** Parses a test-vector JSON file; numbers keep their exact double value. */
    public static JsonNode readTestVectors(String fileName) {
        try {
            return JSON.readTree(testVector(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading test vectors " + fileName, e);
        }
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
