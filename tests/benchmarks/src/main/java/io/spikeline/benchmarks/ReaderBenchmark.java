package io.spikeline.benchmarks;

import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.edf.EdfOptions;
import io.spikeline.ingest.edf.EdfReader;
import io.spikeline.ingest.events.Aedat4Reader;
import io.spikeline.ingest.events.Evt3Reader;
import io.spikeline.ingest.pcap.PcapReader;
import io.spikeline.ingest.probe.OpenEphysLegacyReader;
import io.spikeline.ingest.probe.ProbeOptions;
import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reader throughput on the shared recordings (EDF+, pcap, AEDAT 4 with LZ4, Prophesee EVT 3, Open Ephys):
 * whole files read record by record. The {@code megabytes}
 * counter gives MB/s of file read (1 MB = 10⁶ bytes); the primary score is files/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ReaderBenchmark {
    private Path edf;
    private Path pcap;
    private Path aedat4;
    private Path evt3;
    private Path openEphys;
    private long edfBytes;
    private long pcapBytes;
    private long aedat4Bytes;
    private long evt3Bytes;
    private long openEphysBytes;

    /** Bytes read, reported by JMH as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public double megabytes;

        @Setup(Level.Iteration)
        public void clear() {
            megabytes = 0;
        }
    }

    @Setup
    public void locateFiles() throws IOException {
        edf = SharedData.file("eeg/eegmmidb_S001R03_task1_execute_left_right_fist.edf");
        pcap = SharedData.file("pcap/zeek_snmp_snmpwalk-short.pcap");
        aedat4 = SharedData.file("events/tonic_sample_davis346.aedat4");
        evt3 = SharedData.file("events/prophesee_evt3_gen41_sample.raw");
        openEphys = SharedData.file("probe/openephys_legacy_16ch_40kHz");
        edfBytes = Files.size(edf);
        pcapBytes = Files.size(pcap);
        aedat4Bytes = Files.size(aedat4);
        evt3Bytes = Files.size(evt3);
        try (Stream<Path> files = Files.list(openEphys)) {
            openEphysBytes = files.filter(f -> f.toString().endsWith(".continuous")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    @Benchmark
    public long edfPlus64Channels(Bytes bytes) throws IOException {
        long samples = 0;
        try (EdfReader reader = EdfReader.open(edf, EdfOptions.defaults())) {
            for (SampleFrame f; (f = reader.read()) != null; ) {
                samples += f.sampleCount();
            }
        }
        bytes.megabytes += edfBytes / 1e6;
        return samples;
    }

    @Benchmark
    public long pcapWithFlowDecoding(Bytes bytes) throws IOException {
        return drain(PcapReader.open(pcap), bytes, pcapBytes);
    }

    @Benchmark
    public long aedat4Lz4Events(Bytes bytes) throws IOException {
        return drain(Aedat4Reader.open(aedat4), bytes, aedat4Bytes);
    }

    @Benchmark
    public long prophesee3Events(Bytes bytes) throws IOException {
        return drain(Evt3Reader.open(evt3), bytes, evt3Bytes);
    }

    @Benchmark
    public long openEphys16Channels(Bytes bytes) throws IOException {
        return drain(OpenEphysLegacyReader.open(openEphys, ProbeOptions.defaults()), bytes, openEphysBytes);
    }

    private static long drain(RecordReader<?> reader, Bytes bytes, long fileBytes) throws IOException {
        long records = 0;
        try (reader) {
            while (reader.read() != null) {
                records++;
            }
        }
        bytes.megabytes += fileBytes / 1e6;
        return records;
    }
}
