package io.spikeline.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.spikeline.models.testing.SharedFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.Yaml;

/**
 * The root {@code docker-compose.yml} against the build: pinned images of the versions the poms name, no host port
 * twice, every mounted file present (or the job jar the build makes), and the replay feeding the topic the job reads.
 * SnakeYAML, the parser under Jackson's YAML, reads it because it resolves the anchors the Flink services share.
 */
class ComposeFileTest {
    /** source:target[:mode], where the source may hold a ${VARIABLE:-default}. */
    private static final Pattern VOLUME = Pattern.compile("((?:\\$\\{[^}]*\\}|[^:$])+):(/[^:]*)(?::(?:ro|rw))?");
    private static final Pattern KAFKA_URL = Pattern.compile("kafka://([^/]+)/(.+)");

    private static Path root;
    private static Map<String, Map<String, Object>> services;
    private static String flinkVersion;
    private static String kafkaVersion;
    private static String clusterJar;
    private static String mainClass;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertThat(root).as("a parent folder holding docker-compose.yml").isNotNull();
        }
        try (Reader in = Files.newBufferedReader(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("services");
        }
        Document parent = xml(root.resolve("pom.xml"));
        Document runtime = xml(root.resolve("edge-runtime/pom.xml"));
        flinkVersion = text(parent, "flink.version");
        kafkaVersion = text(parent, "kafka.version");
        String version = text(parent, "version");
        clusterJar = "edge-runtime/target/" + text(runtime, "artifactId") + "-" + version + "-"
                + text(runtime, "shadedClassifierName") + ".jar";
        mainClass = text(runtime, "mainClass");
    }

    @Test
    void everyImageIsPinnedToTheVersionsTheBuildUses() throws IOException {
        Set<String> images = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Object>> s : services.entrySet()) {
            Object build = s.getValue().get("build");
            if (build != null) {
                Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(
                        Files.readString(root.resolve(build.toString()).resolve("Dockerfile")));
                assertThat(from.find()).as("FROM in %s's Dockerfile", s.getKey()).isTrue();
                images.add(from.group(1));
            }
            images.add((String) s.getValue().get("image"));
        }
        for (String image : images) {
            assertThat(image).as("image").matches("[a-z0-9./_-]+:[^:]*[0-9][^:]*").doesNotEndWith(":latest");
        }
        assertThat(images).contains("flink:" + flinkVersion + "-scala_2.12-java17", "spikeline-flink:" + flinkVersion,
                "apache/kafka:" + kafkaVersion);
    }

    @Test
    void noHostPortIsPublishedTwice() {
        List<String> hostPorts = new ArrayList<>();
        for (Map<String, Object> s : services.values()) {
            for (String mapping : strings(s.get("ports"))) {
                hostPorts.add(mapping.substring(0, mapping.lastIndexOf(':')));
            }
        }
        assertThat(hostPorts).doesNotHaveDuplicates().contains("8081", "1883", "29092");
    }

    @Test
    void everyMountedFileExistsOrIsTheClusterJarTheBuildMakes() {
        int files = 0;
        for (Map.Entry<String, Map<String, Object>> s : services.entrySet()) {
            for (String volume : strings(s.getValue().get("volumes"))) {
                Matcher mount = VOLUME.matcher(volume);
                assertThat(mount.matches()).as(volume).isTrue();
                String source = mount.group(1);
                if (!source.contains("/")) {
                    assertThat(source).as("named volume of %s", s.getKey()).isEqualTo("flink-data");
                    continue;
                }
                files++;
                if (source.startsWith("${SPIKELINE_SHARED:-../shared}/")) {
                    assertThat(SharedFiles.root().resolve(source.substring(source.indexOf('}') + 2))).isDirectory();
                } else if (source.endsWith(".jar")) {
                    assertThat(source).isEqualTo("./" + clusterJar);
                } else {
                    assertThat(root.resolve(source)).as("mounted by %s", s.getKey()).exists();
                }
            }
        }
        assertThat(files).isEqualTo(5);
        List<String> replay = strings(services.get("replay-session").get("command"));
        String recording = replay.get(replay.indexOf("replay") + 1);
        assertThat(recording).startsWith("/recordings/");
        assertThat(SharedFiles.data("probe").resolve(recording.substring("/recordings/".length()))).isRegularFile();
    }

    @Test
    void theJobIsSubmittedFromTheMountedJarAndReadsTheTopicTheReplayWrites() {
        Map<String, Object> submit = services.get("submit-bmi");
        List<String> run = strings(submit.get("command"));
        String jar = run.get(run.indexOf("run") + 1 + (run.contains("--detached") ? 3 : 0));
        assertThat(run.subList(0, 2)).containsExactly("/opt/flink/bin/flink", "run");
        assertThat(strings(submit.get("volumes"))).contains("./" + clusterJar + ":" + jar + ":ro");
        assertThat(run.subList(run.indexOf(jar) + 1, run.indexOf(jar) + 3)).containsExactly("run", "bmi");

        List<String> replay = strings(services.get("replay-session").get("command"));
        assertThat(replay).contains(mainClass).contains(jar + ":/opt/flink/lib/*");

        Map<String, String> job = kafkaOptions(run);
        Map<String, String> fed = kafkaOptions(replay);
        assertThat(job.keySet()).containsExactlyInAnyOrder("--source", "--feedback", "--sink");
        assertThat(fed.keySet()).containsExactlyInAnyOrder("--to", "--feedback-to");
        assertThat(job.get("--source")).isEqualTo(fed.get("--to"));
        assertThat(job.get("--feedback")).isEqualTo(fed.get("--feedback-to"));
        assertThat(job.get("--sink")).isNotIn(job.get("--source"), job.get("--feedback"));
        String created = strings(services.get("topics").get("command")).get(0);
        Matcher loop = Pattern.compile("for topic in ([^;]+);").matcher(created);
        assertThat(loop.find()).isTrue();
        assertThat(List.of(loop.group(1).trim().split("\\s+")))
                .containsExactlyInAnyOrder(job.get("--source"), job.get("--feedback"), job.get("--sink"));
    }

    @Test
    void theJobDecodesTheReplayedRecordingsSpikeCountsWithOneChannelPerUnit() throws IOException {
        List<String> run = strings(services.get("submit-bmi").get("command"));
        List<String> replay = strings(services.get("replay-session").get("command"));
        String recording = replay.get(replay.indexOf("replay") + 1);
        Path table = SharedFiles.data("probe").resolve(recording.substring("/recordings/".length()));
        String header;
        try (BufferedReader in = Files.newBufferedReader(table)) {
            header = in.readLine();
        }
        long units = Arrays.stream(header.split(",")).filter(c -> c.startsWith("unit_")).count();
        assertThat(run.get(run.indexOf("--input") + 1)).isEqualTo("spike-counts");
        assertThat(run.get(run.indexOf("--channels") + 1)).isEqualTo(Long.toString(units));
    }

    @Test
    void theBrokersListenWhereTheUrlsPoint() throws IOException {
        Map<String, Object> kafka = services.get("kafka");
        assertThat(((Map<?, ?>) kafka.get("environment")).get("KAFKA_ADVERTISED_LISTENERS").toString())
                .contains("PLAINTEXT://kafka:9092");
        for (String service : List.of("submit-bmi", "replay-session")) {
            for (String url : strings(services.get(service).get("command"))) {
                Matcher m = KAFKA_URL.matcher(url);
                if (m.matches()) {
                    assertThat(m.group(1)).as(url).isEqualTo("kafka:9092");
                }
            }
        }
        String mosquitto = Files.readString(root.resolve("deploy/mosquitto/mosquitto.conf"));
        assertThat(mosquitto).containsPattern("(?m)^listener 1883$").containsPattern("(?m)^allow_anonymous true$");
        assertThat(strings(services.get("mosquitto").get("ports"))).containsExactly("1883:1883");

        String flink = (String) ((Map<?, ?>) services.get("jobmanager").get("environment")).get("FLINK_PROPERTIES");
        Matcher reporterPort = Pattern.compile("(?m)^metrics\\.reporter\\.prom\\.port: (\\d+)$").matcher(flink);
        assertThat(reporterPort.find()).isTrue();
        String prometheus = Files.readString(root.resolve("deploy/prometheus/prometheus.yml"));
        assertThat(prometheus).contains("\"jobmanager:" + reporterPort.group(1) + "\"",
                "\"taskmanager:" + reporterPort.group(1) + "\"");
        assertThat(flink).contains("execution.checkpointing.dir: file:///flink-data/checkpoints");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        List<String> command = composeCommand();
        assumeThat(command).as("docker compose or docker-compose on this machine").isNotEmpty();
        command.addAll(List.of("-f", root.resolve("docker-compose.yml").toString(), "config", "--quiet"));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return new ArrayList<>(candidate);
                }
            } catch (IOException | InterruptedException absent) {
                // try the next form
            }
        }
        return new ArrayList<>();
    }

    /** The kafka:// options of a command line, by option name. */
    private static Map<String, String> kafkaOptions(List<String> command) {
        Map<String, String> topics = new HashMap<>();
        for (int i = 1; i < command.size(); i++) {
            Matcher m = KAFKA_URL.matcher(command.get(i));
            if (m.matches()) {
                topics.put(command.get(i - 1), m.group(2));
            }
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return list == null ? List.of() : (List<String>) list;
    }

    private static Document xml(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The first element named {@code tag} below the project (the project's own, not a parent's or a dependency's). */
    private static String text(Document pom, String tag) {
        Element project = pom.getDocumentElement();
        for (org.w3c.dom.Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return pom.getElementsByTagName(tag).item(0).getTextContent().trim();
    }
}
