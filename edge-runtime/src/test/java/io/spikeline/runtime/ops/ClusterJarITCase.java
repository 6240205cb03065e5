package io.spikeline.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The cluster job jar the build makes: it runs by itself, leaves Flink to the cluster, and runs under flink run. */
class ClusterJarITCase {
    private static final Path JAR = Path.of(System.getProperty("spikeline.clusterJar",
            "target/spikeline-edge-runtime-0.1.0-SNAPSHOT-cluster.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;

    @Test
    void javaDashJarPrintsTheCommandLineHelp() throws Exception {
        Run help = run(List.of(JAVA, "-jar", JAR.toString(), "--help"), 60);
        assertThat(help.exit).as(help.output).isZero();
        assertThat(help.output).contains("Usage: spikeline").contains("replay").contains("run");
    }

    /*
     * A class of the jar's under org.apache.flink must come from a connector; on the test's class path each such class
     * is found in the connector jar it was copied from, never in Flink's runtime, which the cluster loads parent-first.
     */
    @Test
    void theJarHoldsNoFlinkRuntimeNorLoggingAndMergesServiceFiles() throws IOException {
        ClassLoader classpath = getClass().getClassLoader();
        Set<String> classes = new HashSet<>();
        List<JarEntry> services = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                String name = e.getName();
                assertThat(name).as("logging and Flink's own dependencies are the cluster's")
                        .doesNotStartWith("org/slf4j/").doesNotStartWith("org/apache/logging/log4j/")
                        .doesNotStartWith("com/esotericsoftware/kryo/").doesNotStartWith("org/apache/flink/shaded/")
                        .doesNotStartWith("scala/").isNotEqualTo("log4j2.properties");
                if (name.startsWith("org/apache/flink/") && name.endsWith(".class")) {
                    URL from = classpath.getResource(name);
                    assertThat(from).as(name).isNotNull();
                    assertThat(from.toString()).as(name).containsPattern("/flink-connector-[a-z]+-[^/]*\\.jar!/");
                }
                if (name.endsWith(".class")) {
                    classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
                if (name.startsWith("META-INF/services/") && !e.isDirectory()) {
                    services.add(e);
                }
            }
            assertThat(classes).contains("io.spikeline.runtime.cli.Spikeline",
                    "org.apache.flink.connector.kafka.source.KafkaSource", "org.apache.kafka.clients.producer.KafkaProducer",
                    "org.apache.avro.Schema", "org.eclipse.paho.client.mqttv3.MqttClient");
            assertThat(classes).doesNotContain("org.apache.flink.streaming.api.environment.StreamExecutionEnvironment",
                    "org.apache.flink.runtime.minicluster.MiniCluster", "org.apache.flink.api.common.ExecutionConfig");
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.spikeline.runtime.cli.Spikeline");

            // Every provider the bundled jars declare for a service is in the jar's merged file.
            assertThat(services).isNotEmpty();
            for (JarEntry service : services) {
                Set<String> merged = providers(jar.getInputStream(service));
                Set<String> declared = new HashSet<>();
                for (URL url : Collections.list(classpath.getResources(service.getName()))) {
                    try (InputStream in = url.openStream()) {
                        providers(in).stream().filter(classes::contains).forEach(declared::add);
                    }
                }
                assertThat(merged).as(service.getName()).isNotEmpty().containsAll(declared);
            }
        }
    }

    /*
     * flink run, in its own process as on a user's machine, submits the jar to a running cluster: the command line
     * finds the cluster's context environment, the job runs on the cluster from the jar's classes, and its records
     * come back to the command for the report.
     */
    @Test
    @Timeout(300)
    void flinkRunSubmitsTheJarToACluster() throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_PORT, "0");
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(config)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build())) {
            cluster.start();
            URI rest = cluster.getRestAddress().get();
            Path conf = Files.createDirectories(tmp.resolve("conf"));
            Files.writeString(conf.resolve("config.yaml"), "parallelism.default: 1\n");
            Path reports = tmp.resolve("report");
            // The client runs with this JVM's class path (Flink's client) and module openings, as bin/flink sets them.
            List<String> command = new ArrayList<>(List.of(JAVA));
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-opens")).forEach(command::add);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "org.apache.flink.client.cli.CliFrontend", "run", "--jobmanager", rest.getHost() + ":" + rest.getPort(),
                    JAR.toString(), "run", "bmi", "--seconds", "4", "--report-dir", reports.toString()));
            ProcessBuilder flinkRun = new ProcessBuilder(command);
            flinkRun.environment().put("FLINK_CONF_DIR", conf.toString());
            Run r = run(flinkRun, 240);

            assertThat(r.exit).as(r.output).isZero();
            assertThat(r.output).contains("4.0 s: 200 decodes of 20 ms, 96 channels of 30 kHz broadband");
            assertThat(reports.resolve("report.txt")).isRegularFile();
            List<JobStatusMessage> jobs = new ArrayList<>(cluster.listJobs().get());
            assertThat(jobs).singleElement().satisfies(job -> {
                assertThat(job.getJobName()).isEqualTo("spikeline bmi");
                assertThat(job.getJobState().name()).isEqualTo("FINISHED");
            });
        }
    }

    private static Set<String> providers(InputStream in) throws IOException {
        Set<String> providers = new HashSet<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String provider = line.replaceAll("#.*", "").trim();
            if (!provider.isEmpty()) {
                providers.add(provider);
            }
        }
        return providers;
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> command, int timeoutSeconds) throws Exception {
        return run(new ProcessBuilder(command), timeoutSeconds);
    }

    private static Run run(ProcessBuilder command, int timeoutSeconds) throws Exception {
        Process p = command.redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
