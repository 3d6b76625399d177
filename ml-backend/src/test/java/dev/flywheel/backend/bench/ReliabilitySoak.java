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
import java.util.stream.Stream;

/**
 * The soak: the Label Studio loop (annotate, predict, retrain by policy) for {@code -Dsoak.minutes} (default 30), with
 * heap after GC, RSS, threads and open files sampled every 10 s; writes the soak section of docs/RELIABILITY.md.
 *
 * <p>Run: {@code ./mvnw -B -o -pl ml-backend -am verify -DskipTests -Preliability
 * -Dreliability.main=dev.flywheel.backend.bench.ReliabilitySoak -Dsoak.minutes=30}. Not part of CI.
 */
public final class ReliabilitySoak {

    private static final long PROJECT = 91;

    private ReliabilitySoak() {}

    /** One sample of the process. */
    record Sample(double minute, double heapMb, double rssMb, int threads, long openFiles, int versions) {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/RELIABILITY.md");
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "30"));
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        List<Sample> samples = new ArrayList<>();
        int predictions = 0;
        int annotations = 0;
        try (BenchSupport.ImageHost images = new BenchSupport.ImageHost(); Backend backend = BenchSupport.start(Files.createTempDirectory("flywheel-soak"))) {
            URI uri = URI.create("http://127.0.0.1:" + backend.port());
            LabelStudioSimulator ls = LabelStudioSimulator.of(uri);
            ls.connect(PROJECT + ".1700000000", BenchSupport.CONFIG, "http://127.0.0.1:1", null);
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            long nextSample = start;
            int n = 0;
            while (System.nanoTime() < end) {
                Task task = Tasks.imageTask(910_000 + n, images.url(n));
                ls.annotate(task, Annotations.choice(9_100_000 + n, task.id(), BenchSupport.LABELS.get(n % 3)));
                annotations++;
                List<Task> batch = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    int m = n + 1 + k;
                    batch.add(Tasks.imageTask(910_000 + m, images.url(m)));
                }
                predictions += ls.predict(batch).status() == 200 ? batch.size() : 0;
                n++;
                if (System.nanoTime() >= nextSample) {
                    samples.add(sample((System.nanoTime() - start) / 60e9, uri));
                    System.out.println(samples.getLast());
                    nextSample += Duration.ofSeconds(10).toNanos();
                }
                Thread.sleep(300);
            }
            samples.add(sample((System.nanoTime() - start) / 60e9, uri));
        }
        BenchSupport.writeSection(out, "soak", report(started, minutes, samples, annotations, predictions), ReliabilityDoc.SKELETON);
    }

    private static Sample sample(double minute, URI uri) throws Exception {
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        double rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Double.parseDouble(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(Double.NaN);
        long files;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            files = fds.count();
        } catch (IOException e) {
            files = -1;
        }
        int versions = BenchSupport.getJson(uri, "/api/v1/projects/" + PROJECT + "/models").path("models").size();
        return new Sample(minute, heap, rss, ManagementFactory.getThreadMXBean().getThreadCount(), files, versions);
    }

    /** Least-squares slope per minute over the second half, where warm-up (JIT, first model, caches) is over. */
    static double slope(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> y) {
        List<Sample> half = samples.subList(samples.size() / 2, samples.size());
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

    private static String report(String started, double minutes, List<Sample> samples, int annotations, int predictions) {
        Sample first = samples.getFirst();
        Sample last = samples.getLast();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
                ## Soak (ReliabilitySoak, not CI)

                - Date: %s
                - Machine: %s
                - Command: `./mvnw -B -o -pl ml-backend -am verify -DskipTests -Preliability \
                -Dreliability.main=dev.flywheel.backend.bench.ReliabilitySoak -Dsoak.minutes=%s`
                - Loop: one new annotation + one predict of 8 tasks every ~0.3 s plus request time; retraining by the default policy.
                - Duration: %.1f minutes (the intended run is 30 minutes)%s
                - Work done: %d annotations, %d predictions, %d model versions (incl. failed/queued) by the end.

                | figure | first sample | last sample | slope over the second half |
                |---|---|---|---|
                | heap used after GC | %.1f MiB | %.1f MiB | %+.2f MiB/min |
                | RSS (/proc/self/status VmRSS) | %.1f MiB | %.1f MiB | %+.2f MiB/min |
                | live threads | %d | %d | %+.2f /min |
                | open file descriptors | %d | %d | %+.2f /min |

                Samples (minute, heap MiB, RSS MiB, threads, fds, versions):
                """, started, BenchSupport.machine(), trim(minutes), last.minute(),
                minutes < 30 ? " — a SHORT run: it shows the trend of the first minutes only and proves nothing about 30 minutes" : "",
                annotations, predictions, last.versions(), first.heapMb(), last.heapMb(), slope(samples, Sample::heapMb), first.rssMb(),
                last.rssMb(), slope(samples, Sample::rssMb), first.threads(), last.threads(), slope(samples, s -> s.threads()),
                first.openFiles(), last.openFiles(), slope(samples, s -> s.openFiles())));
        md.append("```\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "%5.2f %7.1f %7.1f %4d %4d %3d%n", s.minute(), s.heapMb(), s.rssMb(), s.threads(),
                    s.openFiles(), s.versions()));
        }
        return md.append("```\n").toString();
    }

    private static String trim(double minutes) {
        return minutes == Math.rint(minutes) ? Long.toString((long) minutes) : Double.toString(minutes);
    }
}
