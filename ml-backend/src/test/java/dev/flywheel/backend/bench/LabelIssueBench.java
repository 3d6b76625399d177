package dev.flywheel.backend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Label issues as a user reads them, on the shipped defaults: 1,000 Fashion-MNIST annotations sent by webhook with a
 * share of labels flipped to another class (seeded), then the label-issues page read as soon as the version is ready and
 * again once its audit is done, scored against the flips.
 *
 * <p>{@code ./mvnw -B -Pbench -pl ml-backend -am verify -DskipTests -Dflywheel.bench.only=labelissues}, or with
 * {@code -Dbench.main=dev.flywheel.backend.bench.LabelIssueBench}.
 */
public final class LabelIssueBench {

    private static final long PROJECT = 11;
    private static final int TASKS = 1_000;
    private static final double[] NOISE = {0.05, 0.10, 0.20};

    private LabelIssueBench() {}

    /** One noise level: what the page said right after the version and after the audit. */
    record Row(double noise, int flips, String version, int provisionalIssues, int provisionalHits, long provisionalJudged, int issues,
            int hits, int top100Hits, double estimate, long judged, double auditSeconds, String load) {

        double precision() {
            return issues == 0 ? 0 : (double) hits / issues;
        }

        double recall() {
            return (double) hits / flips;
        }
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/PERFORMANCE.md").toAbsolutePath();
        measure(report, Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath());
        System.exit(0);
    }

    /** Runs every noise level in {@code work} and writes this benchmark's section of {@code report}, keeping the others. */
    static void measure(Path report, Path root) throws Exception {
        Path work = root.resolve("label-issues");
        String startLoad = Machine.loadAverage();
        String started = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        FashionMnist train = FashionMnist.read("train", TASKS);
        List<Row> rows = new ArrayList<>();
        for (double noise : NOISE) {
            rows.add(run(work.resolve("noise-" + Math.round(noise * 100)), train, noise));
            System.out.println("label-issues: " + rows.getLast());
        }
        Files.writeString(report, ReportSections.replace(Files.exists(report) ? Files.readString(report) : "# Flywheel performance\n",
                section(rows, started, startLoad, Machine.loadAverage())));
    }

    private static Row run(Path home, FashionMnist train, double noise) throws Exception {
        Random random = new Random(7);
        Set<Long> flipped = new HashSet<>();
        try (UploadServer labelStudio = new UploadServer(); BenchBackend backend = BenchBackend.start(home, Map.of())) {
            LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
            ls.connect(PROJECT + ".1733000000", FashionMnist.CONFIG, labelStudio.url(), UploadServer.TOKEN);
            for (int i = 0; i < TASKS; i++) {
                Task task = Tasks.imageTask(1 + i, labelStudio.upload(PROJECT, "train-" + i + ".png", train.png(i)));
                int label = train.label(i);
                if (random.nextDouble() < noise) {
                    label = (label + 1 + random.nextInt(FashionMnist.LABELS.size() - 1)) % FashionMnist.LABELS.size();
                    flipped.add(task.id());
                }
                int status = ls.annotate(task, Annotations.choice(500_000L + i, task.id(), FashionMnist.LABELS.get(label))).status();
                if (status != 201) {
                    throw new IllegalStateException("webhook answered " + status);
                }
            }
            BenchBackend.Settled settled = backend.awaitSettled(PROJECT, null, Duration.ofMinutes(15), TASKS);
            List<Long> early = issues(backend);
            JsonNode earlyPage = backend.get("/api/v1/projects/" + PROJECT + "/label-issues?limit=1");
            JsonNode page = backend.awaitAudit(PROJECT, settled.version(), Duration.ofMinutes(15));
            List<Long> found = issues(backend);
            JsonNode model = backend.get("/api/v1/projects/" + PROJECT + "/models/" + settled.version());
            double auditSeconds = Duration.between(Instant.parse(model.path("created_at").asText()),
                    Instant.parse(page.path("audit").path("finished_at").asText())).toMillis() / 1e3;
            return new Row(noise, flipped.size(), settled.version(), early.size(), hits(early, flipped),
                    earlyPage.path("coverage").path("out_of_sample").asLong(), found.size(), hits(found, flipped),
                    hits(found.subList(0, Math.min(100, found.size())), flipped), page.path("estimated_noise_rate").asDouble(),
                    page.path("coverage").path("out_of_sample").asLong(), auditSeconds, Machine.loadAverage());
        }
    }

    private static List<Long> issues(BenchBackend backend) throws Exception {
        return backend.labelIssues(PROJECT).stream().map(issue -> issue.path("task_id").asLong()).toList();
    }

    private static int hits(List<Long> issues, Set<Long> flipped) {
        return (int) issues.stream().filter(flipped::contains).count();
    }

    private static String section(List<Row> rows, String started, String startLoad, String endLoad) {
        StringBuilder out = new StringBuilder("## Label issues on 1,000 Fashion-MNIST annotations with flipped labels\n\n");
        Machine machine = Machine.describe();
        out.append("Measured ").append(started).append(" UTC on ").append(machine.cpu()).append(" (").append(machine.cores())
                .append(" cores), load average (1/5/15 min) ").append(startLoad).append(" at the start and ").append(endLoad)
                .append(" at the end; alone with `./mvnw -B -Pbench -pl ml-backend -am verify -DskipTests"
                        + " -Dflywheel.bench.only=labelissues`.\n\n")
                .append("Settings: none (the shipped defaults, 5-fold audit). For each noise level a fresh backend gets the first 1,000"
                        + " Fashion-MNIST train images by `ANNOTATION_CREATED` webhook, each label flipped to another class at random with"
                        + " that probability (seeded). *As soon as ready*: the label-issues page read when the version is active, before its"
                        + " audit (hold-out evidence only; the page says `audit.status` `running`). *After the audit*: read once"
                        + " `audit.status` is `done`. Precision and recall are against the flipped tasks; the estimate is the page's"
                        + " `estimated_noise_rate`; *audit* is the version's `created_at` to the audit's `finished_at`.\n\n")
                .append("| Flipped | Version | As soon as ready: issues (flips) of judged | After the audit: issues | Precision | Recall | Top 100 flips"
                        + " | Estimated noise vs true | Audit (s) | Target | Load (1/5/15 min) |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            boolean ten = Math.abs(r.noise() - 0.10) < 1e-9;
            double truth = (double) r.flips() / TASKS;
            String target = ten ? (r.precision() >= 0.7 && r.recall() >= 0.7 && Math.abs(r.estimate() - truth) <= 0.03
                    && r.auditSeconds() <= 60 ? "P, R ≥ 0.7, ±3 pts, ≤ 60 s ✅" : "P, R ≥ 0.7, ±3 pts, ≤ 60 s ❌") : "";
            out.append(String.format(Locale.ROOT, "| %d (%.0f %%) | %s | %d (%d) of %d | %d | **%.2f** | **%.2f** | %d | %.3f vs %.3f | %.1f | %s | %s |%n",
                    r.flips(), r.noise() * 100, r.version(), r.provisionalIssues(), r.provisionalHits(), r.provisionalJudged(), r.issues(),
                    r.precision(), r.recall(), r.top100Hits(), r.estimate(), truth, r.auditSeconds(), target, r.load()));
        }
        out.append("\nHow issues are flagged (docs/label-issues.md): a task is flagged when the fold model that never saw it predicts"
                + " another class and gives its label less than a tenth of the probability that label typically gets on tasks"
                + " labelled with it; the estimate is the flagged share of the judged tasks.\n");
        return out.toString();
    }
}
