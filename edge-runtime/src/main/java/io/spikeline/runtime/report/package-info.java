/**
 * What the applications' runs and reports share: the environment (a local MiniCluster, or the cluster under
 * {@code flink run}) and the collecting loop that times a run, report files and SVG charts.
 */
package io.spikeline.runtime.report;
