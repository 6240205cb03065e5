package io.spikeline.benchmarks;

import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.edf.EdfOptions;
import io.spikeline.ingest.edf.EdfReader;
import io.spikeline.ingest.pcap.PcapReader;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Reader throughput on the shared recordings: whole files read record by record. The {@code megabytes}
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
    private long edfBytes;
    private long pcapBytes;

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
        edfBytes = Files.size(edf);
        pcapBytes = Files.size(pcap);
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

    private static long drain(RecordReader<PacketRecord> reader, Bytes bytes, long fileBytes) throws IOException {
        long packets = 0;
        try (reader) {
            while (reader.read() != null) {
                packets++;
            }
        }
        bytes.megabytes += fileBytes / 1e6;
        return packets;
    }
}
