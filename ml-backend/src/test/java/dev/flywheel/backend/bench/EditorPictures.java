package dev.flywheel.backend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Regions;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.editor.Edit;
import dev.flywheel.fixtures.editor.EditorCase;
import dev.flywheel.fixtures.editor.EditorOutcome;
import dev.flywheel.fixtures.editor.LabelStudioEditor;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code docs/images/editor-*.png}: Label Studio's own editor showing Flywheel's pre-labels on Fashion-MNIST,
 * from a backend on its defaults trained through webhooks (a classification project, and a detection project on
 * Fashion-MNIST scenes). A command for the README's pictures, not a test:
 * {@code ./mvnw -B -Ppictures -pl ml-backend -am verify -DskipTests}.
 */
public final class EditorPictures {

    private static final int CLASSIFICATION_LABELS = 400;
    private static final int SCENES = 300;

    private EditorPictures() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        Path work = Path.of(args.length > 1 ? args[1] : "target/pictures").toAbsolutePath();
        Files.createDirectories(out);
        Benchmarks.deleteTree(work);
        Files.createDirectories(work);
        LabelStudioEditor editor = LabelStudioEditor.find().editor()
                .orElseThrow(() -> new IllegalStateException("Label Studio's editor is not ready: " + LabelStudioEditor.find().missing()));
        try (UploadServer labelStudio = new UploadServer();
                BenchBackend backend = BenchBackend.start(work.resolve("home"), Map.of())) {
            List<EditorCase> shots = new ArrayList<>();
            shots.addAll(classification(backend, labelStudio, work));
            shots.addAll(detection(backend, labelStudio, work));
            for (EditorCase shot : shots) {
                String config = shot.name().startsWith("editor-classification") ? FashionMnist.CONFIG : FashionScenes.CONFIG;
                for (EditorOutcome outcome : editor.run(config, List.of(shot), Optional.of(work))) {
                    Path written = Files.copy(Path.of(outcome.screenshot().orElseThrow()), out.resolve(outcome.name() + ".png"),
                            StandardCopyOption.REPLACE_EXISTING);
                    System.out.println("wrote " + written);
                }
            }
        }
    }

    private static List<EditorCase> classification(BenchBackend backend, UploadServer labelStudio, Path work) throws Exception {
        long project = 21;
        FashionMnist train = FashionMnist.read("train", CLASSIFICATION_LABELS);
        FashionMnist test = FashionMnist.read("t10k", 2);
        LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
        ls.connect(project + ".1765000000", FashionMnist.CONFIG, labelStudio.url(), UploadServer.TOKEN);
        for (int i = 0; i < train.size(); i++) {
            Task task = Tasks.imageTask(1 + i, labelStudio.upload(project, "train-" + i + ".png", train.png(i)));
            ls.annotate(task, Annotations.choice(10_000 + i, task.id(), FashionMnist.LABELS.get(train.label(i))));
        }
        backend.awaitSettled(project, null, Duration.ofMinutes(20));
        List<EditorCase> cases = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            Path file = work.resolve("classification-" + i + ".png");
            Files.write(file, larger(test.png(i), 4));
            Task task = Tasks.imageTask(5_000 + i, labelStudio.upload(project, "test-" + i + ".png", test.png(i)));
            cases.add(shot("editor-classification-" + (i + 1), task, file, ls.predict(List.of(task)).body().predictions().getFirst()));
        }
        return cases;
    }

    private static List<EditorCase> detection(BenchBackend backend, UploadServer labelStudio, Path work) throws Exception {
        long project = 22;
        FashionScenes train = new FashionScenes(FashionMnist.read("train", SCENES * 4), 1);
        FashionScenes test = new FashionScenes(FashionMnist.read("t10k", 8), 2);
        LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
        ls.connect(project + ".1765000000", FashionScenes.CONFIG, labelStudio.url(), UploadServer.TOKEN);
        for (int i = 0; i < SCENES; i++) {
            FashionScenes.Scene scene = train.next();
            Task task = Tasks.imageTask(1 + i, labelStudio.upload(project, "scene-" + i + ".png", scene.png()));
            List<Region> regions = new ArrayList<>();
            for (FashionScenes.Box box : scene.boxes()) {
                regions.add(Regions.box("r" + regions.size(), box.label(), box.x(), box.y(), box.width(), box.height(), FashionScenes.SIZE,
                        FashionScenes.SIZE));
            }
            ls.annotate(task, Annotations.of(20_000 + i, task.id(), regions));
        }
        backend.awaitSettled(project, null, Duration.ofMinutes(30));
        FashionScenes.Scene scene = test.next();
        Path file = work.resolve("scene-test.png");
        Files.write(file, larger(scene.png(), 3));
        Task task = Tasks.imageTask(9_000, labelStudio.upload(project, "scene-test.png", scene.png()));
        return List.of(shot("editor-boxes", task, file, ls.predict(List.of(task)).body().predictions().getFirst()));
    }

    /** The picture as the editor shows it, {@code factor} times larger (pixels kept sharp) so a reader sees it. */
    private static byte[] larger(byte[] png, int factor) throws java.io.IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(image.getWidth() * factor, image.getHeight() * factor,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = big.createGraphics();
        g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(big, "png", out);
        return out.toByteArray();
    }

    private static EditorCase shot(String name, Task task, Path file, Object prediction) {
        JsonNode json = BenchBackend.MAPPER.valueToTree(prediction);
        return new EditorCase(name, task.id(), Map.of("image", task.data().get("image")), Map.of("image", file), json, Edit.keep());
    }
}
