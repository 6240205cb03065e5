package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeline.models.testing.SharedFiles;
import org.junit.jupiter.api.Test;

class CliTest {


    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    /** The JSON design equals SciPy's for the same arguments (case fs30k_bp300_3000, order 4, phase). */
    @Test
    void designBesselPrintsSciPysSectionsAsJson() throws Exception {
        String[] r = run("design", "bessel", "-N", "4", "--Wn", "300", "3000", "--btype", "bandpass", "--fs", "30000",
                "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode design = json(r[1]);
        JsonNode reference = null;
        for (JsonNode d : SharedFiles.readTestVectors("bessel_designs.json").get("designs")) {
            if (d.get("fs").asDouble() == 30000 && d.get("btype").asText().equals("bandpass")
                    && d.get("order").asInt() == 4 && d.get("norm").asText().equals("phase")) {
                reference = d;
            }
        }
        assertThat(reference).isNotNull();
        for (int s = 0; s < 4; s++) {
            for (int k = 0; k < 6; k++) {
                double expected = reference.get("sos").get(s).get(k).asDouble();
                assertThat(design.get("sos").get(s).get(k).asDouble()).isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
            }
        }
        assertThat(design.get("poles")).hasSize(8);
        assertThat(design.get("groupDelayFrequencyHz").asDouble()).isCloseTo(Math.sqrt(300 * 3000), within(1e-9));
        assertThat(design.get("groupDelaySeconds").asDouble()).isBetween(1e-4, 2e-3);
        assertThat(design.get("response")).hasSize(10);
    }

    @Test
    void designBesselTextAndItsErrorsSpeakTheUsersTerms() {
        String[] text = run("design", "bessel", "-N", "2", "--Wn", "40", "--fs", "1000", "--at", "10,40");
        assertThat(text[0]).isEqualTo("0");
        assertThat(text[1]).contains("Bessel lowpass, order 2, norm phase").contains("second-order sections").contains("group delay");
        assertThat(text[1].lines().filter(l -> l.trim().startsWith("10.0000 ") || l.trim().startsWith("40.0000 ")).count()).isEqualTo(2);
        String[] analog = run("design", "bessel", "-N", "3", "--Wn", "1", "--analog", "--norm", "delay");
        assertThat(analog[0]).isEqualTo("0");
        assertThat(analog[1]).contains("(analog)").contains("poles:");

        String[] noRate = run("design", "bessel", "-N", "2", "--Wn", "40");
        assertThat(noRate[0]).isEqualTo("2");
        assertThat(noRate[2]).contains("needs --fs");
        String[] nyquist = run("design", "bessel", "-N", "2", "--Wn", "600", "--fs", "1000");
        assertThat(nyquist[2]).contains("Nyquist");
        String[] badType = run("design", "bessel", "-N", "2", "--Wn", "40", "--fs", "1000", "--btype", "notch");
        assertThat(badType[2]).contains("--btype must be one of [lowpass, highpass, bandpass, bandstop]");
        String[] wrongEdges = run("design", "bessel", "-N", "2", "--Wn", "40", "--fs", "1000", "--btype", "bandpass");
        assertThat(wrongEdges[2]).contains("takes 2 value(s) of --Wn");
    }

    @Test
    void inspectSummarisesAnEegRecording() throws Exception {
        String[] r = run("inspect", SharedFiles.data("eeg/eegmmidb_S001R03_task1_execute_left_right_fist.edf").toString(),
                "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = json(r[1]);
        assertThat(j.get("format").asText()).isEqualTo("EDF_PLUS_CONTINUOUS");
        assertThat(j.get("signals")).hasSize(65);
        assertThat(j.get("samples_per_channel").asLong()).isEqualTo(125 * 160);
        assertThat(j.get("annotations").asInt()).isEqualTo(30);
        assertThat(j.get("durationS").asDouble()).isEqualTo(125.0);
        assertThat(j.get("firstRecords")).hasSize(3);
    }

    @Test
    void inspectCountsPacketsFlowsAndEvents() throws Exception {
        JsonNode pcap = json(run("inspect", SharedFiles.data("pcap/zeek_smtp.pcap").toString(), "--json")[1]);
        assertThat(pcap.get("packets").asLong()).isEqualTo(125);
        assertThat(pcap.get("timestampAnomalies").asInt()).isEqualTo(1);
        JsonNode events = json(run("inspect", SharedFiles.data("events/tonic_sample_nmnist.bin").toString(), "--json")[1]);
        assertThat(events.get("events").asLong()).isEqualTo(4325);
        assertThat(events.get("sensor").asText()).isEqualTo("34x34");
        String text = run("inspect", SharedFiles.data("probe/openephys_legacy_16ch_40kHz").toString())[1];
        assertThat(text).contains("format: Open Ephys legacy").contains("channels: 16").contains("samples_per_channel: 133120");
    }

    @Test
    void inspectRefusesWhatItCannotRead() {
        String[] missing = run("inspect", "/no/such/recording.edf");
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[2]).contains("no such file or folder");
        String[] unknown = run("inspect", SharedFiles.data("SOURCES.md").toString());
        assertThat(unknown[2]).contains("cannot tell the format");
    }
}
