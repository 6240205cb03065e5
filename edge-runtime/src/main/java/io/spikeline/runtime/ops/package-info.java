/**
 * How a Spikeline job is operated: checkpointing, restarts, the Flink web UI and the Prometheus metrics endpoint
 * of local runs ({@link io.spikeline.runtime.ops.LocalOperations}), and the line that says what is running
 * ({@link io.spikeline.runtime.ops.RunningJob}).
 *
 * <p>Local runs checkpoint their state exactly-once every 10 s into {@code <tmp>/spikeline-checkpoints/<job id>}
 * (removed when the job has finished), restart a failed job up to 3 times 2 s apart from its last
 * checkpoint, serve the web UI on port 8081 and metrics on port 9249 (each falling back to a free port when taken).
 * Environment variables override these: {@code SPIKELINE_CHECKPOINT_SECONDS}, {@code SPIKELINE_CHECKPOINT_DIR},
 * {@code SPIKELINE_RESTART_ATTEMPTS}, {@code SPIKELINE_WEB_PORT}, {@code SPIKELINE_METRICS_PORT} (0: any free port).
 * On a cluster ({@code flink run}) the cluster's configuration rules; only checkpointing is switched on when the
 * cluster leaves it off.
 */
package io.spikeline.runtime.ops;
