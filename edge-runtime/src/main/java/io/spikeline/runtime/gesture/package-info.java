/**
 * The {@code gesture} application: an event camera's stream classified into 12 hand gestures by a spiking network
 * that learns online from the gestures' labels and decides early when confident.
 *
 * <p>{@link io.spikeline.runtime.gesture.GestureJob} assembles the job on any stream of events and labels (event
 * binning, {@link io.spikeline.runtime.gesture.GestureSampler} cutting one sample per gesture onset, the SNN classifier
 * with early decision); {@link io.spikeline.runtime.gesture.GestureJob#simulated} is that stream from the event
 * camera simulator, {@link io.spikeline.runtime.gesture.GestureJob#fromEndpoints} from an events endpoint and a
 * labels endpoint (Kafka or MQTT topics, files); {@link io.spikeline.runtime.gesture.GestureRun} runs it on an
 * embedded MiniCluster or on endpoints (locally, or submitted to a cluster), optionally writing the decodings to a
 * sink; {@link io.spikeline.runtime.gesture.GestureScore} scores it prequentially (each gesture is decided before the
 * network learns from its label) and {@link io.spikeline.runtime.gesture.GestureReport} writes the report.
 *
 * <p>Events and labels from two endpoints reach the job in any interleaving. The network learns a gesture's label
 * after that gesture's last decode window and must have learned it before it decides the next gesture, as it does on
 * the device; so {@code GestureSampleFunction} holds a key's events while its latest sample awaits its label, up to
 * {@link io.spikeline.runtime.gesture.GestureSettings#labelWaitSeconds} of event time and as long of processing
 * time, and the output is that of the device's order whichever stream is ahead. Labels that no sample can take leave as dead letters with the reason.
 *
 * <p>Accuracy is the fraction of gestures whose decision names the true gesture; decision time runs from a gesture's
 * onset to the end of the first decode window whose softmax confidence reached the threshold; latency is the
 * classifier's own, from the Decoding stamps: from the spike batch entering the SNN operator to the decode leaving it.
 */
package io.spikeline.runtime.gesture;
