package io.spikeline.runtime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * The search for the highest load a pipeline sustains, as a pure function of a trial and a verdict on it: from
 * {@code start}, the load doubles while it is sustained (up to {@code max}) or halves while it is not (down to 1),
 * until one sustained and one unsustained load bracket the answer; then the bracket is bisected until its ends are
 * adjacent integers or within {@code precision} of each other (relative). Assumes that a load above an unsustained
 * one is not sustained either.
 */
public final class LoadSearch {
    private LoadSearch() {}

    /**
     * Where the search starts and stops.
     *
     * @param start the first load tried, >= 1
     * @param max the highest load tried, >= start
     * @param precision the bisection stops once {@code lowestFailing <= highestSustained * (1 + precision)}, >= 0
     */
    public record Range(long start, long max, double precision) {
        public Range {
            if (start < 1) {
                throw new IllegalArgumentException("search start must be >= 1, was " + start);
            }
            if (max < start) {
                throw new IllegalArgumentException("search max must be >= start " + start + ", was " + max);
            }
            if (!(precision >= 0) || Double.isInfinite(precision)) {
                throw new IllegalArgumentException("search precision must be finite and >= 0, was " + precision);
            }
        }

        public Range withStart(long s) {
            return new Range(s, Math.max(s, max), precision);
        }

        public Range withMax(long m) {
            return new Range(Math.min(start, m), m, precision);
        }
    }

    /** One trial: the load, what it measured, and whether that load was sustained. */
    public record Step<T>(long load, T result, boolean sustained) {}

    /**
     * What the search found: the highest sustained load (0 when none was) with its trial's result ({@code null}
     * when none), and every trial in the order run.
     */
    public record Outcome<T>(long highest, T best, List<Step<T>> steps) {
        public Outcome {
            steps = List.copyOf(steps);
        }
    }

    /** Runs {@code trial} at the loads the search needs and judges each by {@code sustained}. */
    public static <T> Outcome<T> highest(Range range, LongFunction<T> trial, Predicate<T> sustained) {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(sustained, "sustained");
        List<Step<T>> steps = new ArrayList<>();
        long highest = 0;
        T best = null;
        long lowestFailing = Long.MAX_VALUE;
        long load = range.start();
        while (true) {
            Step<T> step = run(load, trial, sustained, steps);
            if (step.sustained()) {
                highest = load;
                best = step.result();
                if (lowestFailing != Long.MAX_VALUE || load == range.max()) {
                    break;
                }
                load = Math.min(range.max(), saturatedDouble(load));
            } else {
                lowestFailing = load;
                if (highest > 0 || load == 1) {
                    break;
                }
                load = load / 2;
            }
        }
        while (highest > 0 && lowestFailing != Long.MAX_VALUE && lowestFailing - highest > 1
                && lowestFailing > highest * (1 + range.precision())) {
            load = highest + (lowestFailing - highest) / 2;
            Step<T> step = run(load, trial, sustained, steps);
            if (step.sustained()) {
                highest = load;
                best = step.result();
            } else {
                lowestFailing = load;
            }
        }
        return new Outcome<>(highest, best, steps);
    }

    private static <T> Step<T> run(long load, LongFunction<T> trial, Predicate<T> sustained, List<Step<T>> steps) {
        T result = trial.apply(load);
        Step<T> step = new Step<>(load, result, sustained.test(result));
        steps.add(step);
        return step;
    }

    private static long saturatedDouble(long load) {
        return load > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * load;
    }
}
