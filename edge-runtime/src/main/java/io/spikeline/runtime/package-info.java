/**
 * The {@code spikeline} command: YAML pipeline configuration, job assembly per application, embedded and cluster runs, reports.
 */
package io.spikeline.runtime;
