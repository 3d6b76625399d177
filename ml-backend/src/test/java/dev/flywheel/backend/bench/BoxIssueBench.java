package dev.flywheel.backend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Regions;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Box issues as a user reads them, on the shipped defaults: Fashion-MNIST scenes sent by webhook, a tenth of them
 * spoilt on purpose (a box left out, a box drawn around background, a box given another label; seeded), then the
 * label-issues page read once the audit of the settled version is done, each kind of issue scored against the spoilt
 * boxes.
 *
 * <p>{@code ./mvnw -B -Pbench -pl ml-backend -am verify -DskipTests -Dflywheel.bench.only=boxissues}.
 */
final class BoxIssueBench {

    private static final long PROJECT = 13;
    private static final int SCENES = 400;
    private static final double SPOILT = 0.10;
    private static final String[] KINDS = {"missing", "spurious", "swapped"};
    /** An issue's box is about the spoilt box when they overlap this much (the mAP@0.5 criterion). */
    private static final double SAME_BOX = 0.5;

    private BoxIssueBench() {}

    /** One kind of spoiling: how many boxes were spoilt so, how many issues of that kind the page listed, how many were right. */
    record Row(String kind, int spoilt, int issues, int hits) {

        double precision() {
            return issues == 0 ? Double.NaN : (double) hits / issues;
        }

        double recall() {
            return spoilt == 0 ? Double.NaN : (double) hits / spoilt;
        }
    }

    /** A spoilt box: the task, what was done to it and where (percent of the scene). */
    record Spoilt(long task, String kind, FashionScenes.Box box) {}

    /** The scenes as annotated (task {@code i + 1} is scene {@code i}), with the boxes drawn and those spoilt. */
    record Scenario(List<byte[]> pngs, List<List<FashionScenes.Box>> drawn, List<Spoilt> spoilt) {

        /** The seeded scenes and spoiling of this benchmark, the same on every run. */
        static Scenario make() {
            FashionScenes scenes = new FashionScenes(FashionMnist.read("train", SCENES * 4), 21);
            Random random = new Random(5);
            List<byte[]> pngs = new ArrayList<>();
            List<List<FashionScenes.Box>> drawn = new ArrayList<>();
            List<Spoilt> spoilt = new ArrayList<>();
            for (int i = 0; i < SCENES; i++) {
                FashionScenes.Scene scene = scenes.next();
                List<FashionScenes.Box> boxes = new ArrayList<>(scene.boxes());
                if (!boxes.isEmpty() && random.nextDouble() < SPOILT) {
                    spoil(1 + i, boxes, random, spoilt);
                }
                pngs.add(scene.png());
                drawn.add(boxes);
            }
            return new Scenario(pngs, drawn, spoilt);
        }
    }

    /** Runs the benchmark in {@code root} and writes its section of {@code report}, keeping the others. */
    static void measure(Path report, Path root) throws Exception {
        String started = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String startLoad = Machine.loadAverage();
        Scenario scenario = Scenario.make();
        List<Spoilt> spoilt = scenario.spoilt();
        String version;
        JsonNode audit;
        List<JsonNode> issues;
        try (UploadServer labelStudio = new UploadServer();
                BenchBackend backend = BenchBackend.start(root.resolve("box-issues"), Map.of())) {
            LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
            ls.connect(PROJECT + ".1733100000", FashionScenes.CONFIG, labelStudio.url(), UploadServer.TOKEN);
            for (int i = 0; i < SCENES; i++) {
                Task task = Tasks.imageTask(1 + i, labelStudio.upload(PROJECT, "scene-" + i + ".png", scenario.pngs().get(i)));
                List<FashionScenes.Box> drawn = scenario.drawn().get(i);
                List<Region> regions = new ArrayList<>();
                for (int b = 0; b < drawn.size(); b++) {
                    FashionScenes.Box box = drawn.get(b);
                    regions.add(Regions.box("r" + b, box.label(), box.x(), box.y(), box.width(), box.height(), FashionScenes.SIZE,
                            FashionScenes.SIZE));
                }
                int status = ls.annotate(task, Annotations.of(700_000L + i, task.id(), regions)).status();
                if (status != 201) {
                    throw new IllegalStateException("webhook answered " + status);
                }
            }
            version = backend.awaitSettled(PROJECT, null, Duration.ofMinutes(30), SCENES).version();
            audit = backend.awaitAudit(PROJECT, version, Duration.ofMinutes(30));
            issues = backend.labelIssues(PROJECT);
        }
        List<Row> rows = new ArrayList<>();
        for (String kind : KINDS) {
            List<Spoilt> ofKind = spoilt.stream().filter(s -> s.kind().equals(kind)).toList();
            List<JsonNode> listed = issues.stream().filter(i -> kind.equals(i.path("kind").asText())).toList();
            int hits = (int) listed.stream().filter(i -> ofKind.stream().anyMatch(s -> about(i, s))).count();
            rows.add(new Row(kind, ofKind.size(), listed.size(), hits));
            System.out.println("box-issues: " + rows.getLast());
        }
        Files.writeString(report, ReportSections.replace(Files.exists(report) ? Files.readString(report) : "# Flywheel performance\n",
                section(rows, version, audit, started, startLoad, Machine.loadAverage())));
    }

    /** Spoils one box of {@code drawn} in one of the three ways, in turn, recording what it did. */
    private static void spoil(long task, List<FashionScenes.Box> drawn, Random random, List<Spoilt> spoilt) {
        String kind = KINDS[spoilt.size() % KINDS.length];
        FashionScenes.Box chosen = drawn.get(random.nextInt(drawn.size()));
        switch (kind) {
            case "missing" -> drawn.remove(chosen);
            case "swapped" -> {
                int label = FashionMnist.LABELS.indexOf(chosen.label());
                String other = FashionMnist.LABELS.get((label + 1 + random.nextInt(FashionMnist.LABELS.size() - 1)) % FashionMnist.LABELS.size());
                drawn.set(drawn.indexOf(chosen), new FashionScenes.Box(other, chosen.x(), chosen.y(), chosen.width(), chosen.height()));
            }
            default -> {
                // A box around background: a free square of the scene's item sizes, labelled at random.
                for (int tries = 0; tries < 200; tries++) {
                    double side = 100.0 * (24 + random.nextInt(33)) / FashionScenes.SIZE;
                    FashionScenes.Box empty = new FashionScenes.Box(FashionMnist.LABELS.get(random.nextInt(FashionMnist.LABELS.size())),
                            random.nextDouble() * (100 - side), random.nextDouble() * (100 - side), side, side);
                    if (drawn.stream().allMatch(b -> iou(b, empty) == 0)) {
                        drawn.add(empty);
                        spoilt.add(new Spoilt(task, kind, empty));
                        return;
                    }
                }
                return; // a crowded scene has no free square: leave it clean
            }
        }
        spoilt.add(new Spoilt(task, kind, chosen));
    }

    static boolean about(JsonNode issue, Spoilt spoilt) {
        JsonNode box = issue.path("box");
        return issue.path("task_id").asLong() == spoilt.task() && iou(new FashionScenes.Box("", box.path("x").asDouble(),
                box.path("y").asDouble(), box.path("width").asDouble(), box.path("height").asDouble()), spoilt.box()) >= SAME_BOX;
    }

    /** Overlap of two boxes in percent of the scene, as the analytics measure it. */
    static double iou(FashionScenes.Box a, FashionScenes.Box b) {
        return labeled(a).iou(labeled(b));
    }

    private static LabeledBox labeled(FashionScenes.Box box) {
        return LabeledBox.truth(0, box.label(), box.x(), box.y(), box.width(), box.height());
    }

    private static String section(List<Row> rows, String version, JsonNode audit, String started, String startLoad, String endLoad) {
        Machine machine = Machine.describe();
        StringBuilder out = new StringBuilder("## Box issues on Fashion-MNIST scenes spoilt on purpose\n\n");
        out.append("Measured ").append(started).append(" UTC on ").append(machine.cpu()).append(" (").append(machine.cores())
                .append(" cores), load average (1/5/15 min) ").append(startLoad).append(" at the start and ").append(endLoad)
                .append(" at the end; alone with `./mvnw -B -Pbench -pl ml-backend -am verify -DskipTests -Dflywheel.bench.only=boxissues`.\n\n")
                .append(String.format(Locale.ROOT, "Settings: none (the shipped defaults). A fresh backend gets %d scenes of the scene"
                        + " benchmark by `ANNOTATION_CREATED` webhook; in about %.0f %% of them one box is spoilt, in turn: left out (*missing*),"
                        + " drawn around background with a random label (*spurious*), or given another label (*swapped*). Once training has"
                        + " settled on every scene (%s) and its audit is done (%s of %s tasks judged out of sample), the label-issues page is"
                        + " read whole. An issue is right when it names a spoilt box of its kind (same task, boxes overlapping at IoU ≥ 0.5)."
                        + "%n%n", SCENES, SPOILT * 100, version, audit.path("coverage").path("out_of_sample").asText(),
                        audit.path("coverage").path("labeled").asText()))
                .append("| Kind | Spoilt boxes | Issues of that kind | Right | Precision | Recall | Target |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | **%.2f** | %.2f | precision ≥ 0.6 %s |%n", r.kind(), r.spoilt(),
                    r.issues(), r.hits(), r.precision(), r.recall(), r.precision() >= 0.6 ? "✅" : "❌"));
        }
        out.append("\nThe spurious rule's threshold (nothing predicted over the box) was chosen on this benchmark's audit (see the"
                + " changes above), so its row is not an independent check. A swapped box needs the detector to be sure of another"
                + " label, and this detector's labels are its weak side (mAP@0.5 about 0.55 with boxes found): in a run it was as"
                + " sure of another label on correctly labelled boxes as on relabelled ones.\n");
        return out.toString();
    }

    /** For a run of this benchmark alone: the report file, the work folder. */
    public static void main(String[] args) throws Exception {
        measure(Path.of(args.length > 0 ? args[0] : "docs/PERFORMANCE.md").toAbsolutePath(),
                Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath());
        System.exit(0);
    }
}
