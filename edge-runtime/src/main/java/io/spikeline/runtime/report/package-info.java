/** What the applications' embedded runs and reports share: the MiniCluster loop, report files and SVG charts. */
package io.spikeline.runtime.report;
