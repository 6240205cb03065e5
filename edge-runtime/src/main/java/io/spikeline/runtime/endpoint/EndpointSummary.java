package io.spikeline.runtime.endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * What an application run on endpoints did, for its report.
 *
 * @param given the endpoints
 * @param run the run: its ending, savepoint and dead letters, or the job it submitted
 * @param unscored output records the run could not score (outside its time span, or without a label)
 */
public record EndpointSummary(JobEndpoints given, EndpointRun.Result run, long unscored) {

    /**
     * The report's lines, in its layout (a label, then the figure): where the decodings and dead letters went, how many
     * dead letters there were and why, how many output records were not scored, and how the run ended.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (given.sink() != null) {
            lines.add(line("decodings", "written to " + given.sink().url()));
        }
        lines.add(line("dead letters", run.deadLetters() + (given.deadLetters() != null
                ? ", written to " + given.deadLetters().url() : run.deadLetters().total() > 0 ? ", logged" : "")));
        if (unscored > 0) {
            lines.add(line("unscored", unscored + " output records not scored (outside the run's time span or "
                    + "unlabelled)"));
        }
        if (run.outcome() != null) {
            String ending = switch (run.outcome().ending()) {
                case INPUT_ENDED -> "at the end of the input";
                case ENOUGH -> "once the requested signal time was decoded";
                case STOPPED -> "on request (Ctrl-C)";
            };
            lines.add(line("ended", ending + run.outcome().savepoint().map(p -> ", savepoint " + p).orElse("")));
        }
        return lines;
    }

    private static String line(String label, String figure) {
        return String.format("%-17s%s", label, figure);
    }
}
