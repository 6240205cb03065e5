/**
 * Sources and sinks named by URL: where a job's records come from and where its decodings and dead letters go.
 * {@link io.spikeline.runtime.endpoint.Endpoint#parse} reads a URL; {@link
 * io.spikeline.runtime.endpoint.EndpointSources} and {@link io.spikeline.runtime.endpoint.EndpointSinks} build the
 * Flink sources and sinks, on the connectors' Kafka and MQTT connectors and the ingest readers.
 *
 * <h2>URL grammar</h2>
 * <pre>
 * endpoint  = kafka | mqtt | file | sim
 * kafka     = "kafka://" host [":" port] "/" topic ["?" options]        port 9092 by default
 * mqtt      = ("mqtt://" | "mqtts://") host [":" port] "/" topic ["?" options]   1883 / 8883 (TLS)
 * file      = "file://" ["localhost"] "/" absolute-path | "file:" relative-path
 * sim       = "sim:" ("reaching" | "eeg" | "gesture" | "packets") ["?" options]
 * options   = name "=" value *("&amp;" name "=" value)                  values percent-decoded
 * host      = name | IPv4 address | "[" IPv6 address "]"
 * </pre>
 * Options, all optional, each given at most once; any other name is refused:
 * <ul>
 *   <li>kafka: {@code group} (consumer group, default {@code spikeline}); {@code start} ({@code committed}, the
 *       group's committed offsets else the earliest (default), {@code earliest}, {@code latest}); {@code guarantee}
 *       of a sink ({@code exactly-once} (default: Kafka transactions committed with each checkpoint, so the job must
 *       checkpoint), {@code at-least-once}, {@code none}); {@code transactional-id} (prefix, default
 *       {@code spikeline}; distinct for jobs writing one topic). A Kafka topic is 1 to 249 of {@code a-z A-Z 0-9 . _ -}.
 *   <li>mqtt: {@code qos} ({@code 0}, {@code 1} (default), {@code 2}); {@code client-id} (default {@code spikeline-}
 *       and the topic's letters and digits; a source's persistent session is kept under it); {@code clean-session}
 *       ({@code false} (default) or {@code true}); {@code ack} of a source ({@code checkpoint} or {@code emit};
 *       default: {@code checkpoint} when the job checkpoints, else {@code emit}). A source subscribes to the topic
 *       as a filter ({@code +} one level, {@code #} the rest); a sink publishes to it, {@code {key}} becoming each
 *       decoding's source key.
 *   <li>file: none. A source reads any recording the ingest readers know ({@link
 *       io.spikeline.runtime.endpoint.Recordings#FORMATS}), keeping the records of the expected type; a sink writes
 *       JSON lines ({@link io.spikeline.runtime.endpoint.JsonLines}).
 *   <li>sim: up to the application that runs the simulator, for example {@code sim:reaching?channels=96&amp;seed=1}.
 * </ul>
 * Examples: {@code kafka://localhost:9092/spikeline.frames}, {@code kafka://kafka:9092/decoded?guarantee=at-least-once},
 * {@code mqtt://localhost:1883/spikeline/eeg/#}, {@code mqtt://gw/spikeline/decoded/{key}?qos=1},
 * {@code file:///data/S001R01.edf}, {@code file:decodings.jsonl}, {@code sim:eeg?seed=2}.
 *
 * <h2>Wire formats and dead letters</h2>
 * Broker messages are Avro single-object records ({@code connectors.wire.RecordCodec}), one record per message.
 * Sources decode them with the connectors' {@code DecodeOrDeadLetter}: a message that does not decode becomes a
 * {@code DeadLetter} carrying the message, its origin ({@code kafka:topic/partition@offset} or
 * {@code mqtt:topic}), the reason and the decoder's explanation. Dead letters written to Kafka keep the raw bytes
 * with the origin, reason and detail in headers; to MQTT and files they are JSON objects with the bytes in base64.
 *
 * <h2>Controls</h2>
 * A run's {@code --control} endpoint is a Kafka or MQTT topic of JSON control messages for the SNN operator
 * ({@code {"sequence": 1, "effectiveTimeUs": 10000000, "action": "FREEZE"}}; see {@link
 * io.spikeline.runtime.endpoint.ControlMessages}); a message that is not one is a dead letter.
 *
 * <h2>Runs</h2>
 * {@link io.spikeline.runtime.endpoint.JobEndpoints} gathers a run's endpoints, {@link
 * io.spikeline.runtime.endpoint.EndpointRun} adds the sinks and runs the job: locally it collects and scores the
 * output ({@link io.spikeline.runtime.endpoint.LiveJob}), stopping a job on brokers with a savepoint when enough signal
 * is decoded or on Ctrl-C ({@link io.spikeline.runtime.endpoint.StopSignal}); from a cluster client it only submits
 * the job, whose sinks are then its only output.
 *
 * <p>Every URL is parsed completely before a job is built, and every mistake is an {@link
 * java.lang.IllegalArgumentException} whose message quotes the URL and says what is wrong with it.
 */
package io.spikeline.runtime.endpoint;
