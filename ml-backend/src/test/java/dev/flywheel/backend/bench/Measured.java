package dev.flywheel.backend.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/**
 * One benchmark's result with when it ran and how loaded the shared machine was around it, so that each section of the
 * report says so next to its figures.
 */
record Measured<T>(T result, String date, String loadAtStart, String loadAtEnd) {

    /** Runs {@code bench}, noting the date and the load averages before and after. */
    static <T> Measured<T> of(Callable<T> bench) throws Exception {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String start = Machine.loadAverage();
        T result = bench.call();
        return new Measured<>(result, date, start, Machine.loadAverage());
    }

    /** The line each section opens with. */
    String line(Machine machine, String only) {
        return "Measured " + date + " on " + machine.cpu() + " (" + machine.cores() + " cores, shared with other builds), load average"
                + " (1/5/15 min) " + loadAtStart + " at the start and " + loadAtEnd + " at the end; alone with `" + PerformanceReport.COMMAND
                + " -Dflywheel.bench.only=" + only + "`.";
    }
}
