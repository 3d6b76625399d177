package dev.flywheel.backend.bench;

import dev.flywheel.backend.Backend;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Task;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The soak: the Label Studio loop (annotate, predict, retrain by policy) for {@code -Dsoak.minutes} (default 30), with
 * heap after GC, committed heap, RSS, threads and open files sampled every 10 s; writes the soak section of
 * docs/RELIABILITY.md. Slopes are fitted over the last 20 minutes (the last two thirds of a shorter run), after warm-up.
 *
 * <p>Run: {@code ./mvnw -B -o -pl ml-backend -am verify -DskipTests -Preliability
 * -Dbench.main=dev.flywheel.backend.bench.ReliabilitySoak -Dsoak.minutes=30}. Not part of CI.
 */
public final class ReliabilitySoak {

    private static final long PROJECT = 91;

    private ReliabilitySoak() {}

    /** One sample of the process. */
    record Sample(double minute, double heapMb, double committedMb, double rssMb, int threads, long openFiles, int versions) {

        /** Resident memory outside the Java heap: native allocations (PyTorch, SQLite, zlib), metaspace, code, stacks. */
        double outsideHeapMb() {
            return rssMb - committedMb;
        }
    }

    /** Tasks the loop labels in turn; about four minutes per lap. */
    private static final int TASKS = 600;
    /** Longest window the slopes are fitted over. */
    private static final double SLOPE_MINUTES = 20;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/RELIABILITY.md");
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "30"));
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        List<Sample> samples = new ArrayList<>();
        int predictions = 0;
        int annotations = 0;
        int iterations = 0;
        int errors = 0;
        String firstError = null;
        Path home = Files.createTempDirectory("flywheel-soak");
        try (BenchSupport.ImageHost images = new BenchSupport.ImageHost(); Backend backend = BenchSupport.start(home)) {
            URI uri = URI.create("http://127.0.0.1:" + backend.port());
            LabelStudioSimulator ls = LabelStudioSimulator.of(uri);
            ls.connect(PROJECT + ".1700000000", BenchSupport.CONFIG, "http://127.0.0.1:1", null);
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            long nextSample = start;
            int n = 0;
            while (System.nanoTime() < end) {
                // A fixed pool of tasks: the first lap labels each once, later laps label them again with a new
                // annotation (a second annotator), so the data set stops growing and memory growth after it is not data.
                int k = n % TASKS;
                Task task = Tasks.imageTask(910_000 + k, images.url(k));
                List<Task> batch = new ArrayList<>();
                for (int j = 1; j <= 8; j++) {
                    int m = (k + j) % TASKS;
                    batch.add(Tasks.imageTask(910_000 + m, images.url(m)));
                }
                try {
                    ls.annotate(task, Annotations.choice(9_100_000 + n, task.id(), BenchSupport.LABELS.get(k % 3)));
                    annotations++;
                    predictions += ls.predict(batch).status() == 200 ? batch.size() : 0;
                } catch (RuntimeException e) {
                    // Counted, not fatal: a soak that stops at its first error says nothing about the minutes after it.
                    errors++;
                    firstError = firstError == null ? e.getMessage() : firstError;
                }
                iterations++;
                n++;
                if (System.nanoTime() >= nextSample) {
                    samples.add(sample((System.nanoTime() - start) / 60e9, uri));
                    System.out.println(samples.getLast());
                    nextSample += Duration.ofSeconds(10).toNanos();
                }
                Thread.sleep(300);
            }
            samples.add(sample((System.nanoTime() - start) / 60e9, uri));
        } finally {
            Benchmarks.deleteTree(home);
        }
        BenchSupport.writeSection(out, "soak", report(started, minutes, samples, new Work(iterations, annotations, predictions, errors, firstError)),
                ReliabilityDoc.SKELETON);
    }

    /** What the loop did. */
    record Work(int iterations, int annotations, int predictions, int errors, String firstError) {}

    private static Sample sample(double minute, URI uri) throws Exception {
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        double committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0;
        double rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Double.parseDouble(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(Double.NaN);
        long files;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            files = fds.count();
        } catch (IOException e) {
            files = -1;
        }
        int versions = BenchSupport.getJson(uri, "/api/v1/projects/" + PROJECT + "/models").path("models").size();
        return new Sample(minute, heap, committed, rss, ManagementFactory.getThreadMXBean().getThreadCount(), files, versions);
    }

    /**
     * Least-squares slope per minute over the last 20 minutes, or the last two thirds of a shorter run: where warm-up
     * (JIT, first model, caches) is over.
     */
    static double slope(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> y) {
        List<Sample> half = window(samples);
        double mx = half.stream().mapToDouble(Sample::minute).average().orElse(0);
        double my = half.stream().mapToDouble(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample s : half) {
            num += (s.minute() - mx) * (y.applyAsDouble(s) - my);
            den += (s.minute() - mx) * (s.minute() - mx);
        }
        return den == 0 ? Double.NaN : num / den;
    }

    static List<Sample> window(List<Sample> samples) {
        double end = samples.getLast().minute();
        double from = Math.max(end - SLOPE_MINUTES, end / 3);
        return samples.stream().filter(s -> s.minute() >= from).toList();
    }

    /** The median of a figure over each whole five minutes of the run, comma-separated. */
    private static String medians(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        List<String> medians = new ArrayList<>();
        for (int stretch = 0; stretch < (int) (samples.getLast().minute() / 5); stretch++) {
            double from = 5.0 * stretch;
            List<Double> values = samples.stream().filter(s -> s.minute() >= from && s.minute() < from + 5)
                    .map(figure::applyAsDouble).toList();
            medians.add(String.format(Locale.ROOT, "%.0f", Stats.percentile(values, 50)));
        }
        return String.join(", ", medians);
    }

    private static String report(String started, double minutes, List<Sample> samples, Work work) {
        Sample first = samples.getFirst();
        Sample last = samples.getLast();
        Sample windowStart = window(samples).getFirst();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
                ## Soak (ReliabilitySoak, not CI)

                - Date: %s
                - Machine: %s
                - Command: `./mvnw -B -o -pl ml-backend -am verify -DskipTests -Preliability \
                -Dbench.main=dev.flywheel.backend.bench.ReliabilitySoak -Dsoak.minutes=%s`
                - Loop: one annotation + one predict of 8 tasks every ~0.3 s plus request time, over a pool of %d tasks: the first \
                lap labels each task once, later laps label them again with a new annotation (a second annotator), so the \
                training set stops growing after the first lap and later growth is not data; retraining by the default policy.
                - Duration: %.1f minutes (the intended run is 30 minutes)%s
                - Work done: %d iterations, %d annotations, %d predictions, %d model versions (incl. failed/queued) by the end; \
                errors: %d%s.

                | figure | first sample | last sample | slope, minute %.1f to the end |
                |---|---|---|---|
                | heap used after GC | %.1f MiB | %.1f MiB | %+.2f MiB/min |
                | heap committed | %.1f MiB | %.1f MiB | %+.2f MiB/min |
                | RSS (/proc/self/status VmRSS) | %.1f MiB | %.1f MiB | %+.2f MiB/min |
                | RSS outside the committed heap | %.1f MiB | %.1f MiB | %+.2f MiB/min |
                | live threads | %d | %d | %+.2f /min |
                | open file descriptors | %d | %d | %+.2f /min |

                Median per 5 minutes (the trend without G1's and glibc's swings between samples): RSS %s MiB; heap used \
                %s MiB; heap committed %s MiB.

                Samples (minute, heap used MiB, heap committed MiB, RSS MiB, threads, fds, versions):
                """, started, BenchSupport.machine(), trim(minutes), TASKS, last.minute(),
                minutes < 30 ? " — a SHORT run: it shows the trend of the first minutes only and proves nothing about 30 minutes" : "",
                work.iterations(), work.annotations(), work.predictions(), last.versions(), work.errors(),
                work.firstError() == null ? "" : " (first: " + work.firstError() + ")", windowStart.minute(),
                first.heapMb(), last.heapMb(), slope(samples, Sample::heapMb),
                first.committedMb(), last.committedMb(), slope(samples, Sample::committedMb),
                first.rssMb(), last.rssMb(), slope(samples, Sample::rssMb),
                first.outsideHeapMb(), last.outsideHeapMb(), slope(samples, Sample::outsideHeapMb),
                first.threads(), last.threads(), slope(samples, s -> s.threads()),
                first.openFiles(), last.openFiles(), slope(samples, s -> s.openFiles()),
                medians(samples, Sample::rssMb), medians(samples, Sample::heapMb), medians(samples, Sample::committedMb)));
        md.append("```\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "%5.2f %7.1f %7.1f %7.1f %4d %4d %3d%n", s.minute(), s.heapMb(), s.committedMb(), s.rssMb(),
                    s.threads(), s.openFiles(), s.versions()));
        }
        return md.append("```\n").toString();
    }

    private static String trim(double minutes) {
        return minutes == Math.rint(minutes) ? Long.toString((long) minutes) : Double.toString(minutes);
    }
}
