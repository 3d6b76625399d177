package dev.flywheel.backend.it;

import static dev.flywheel.backend.it.Hostile.assertHealthy;
import static dev.flywheel.backend.it.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.images.TestImages;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Image references no honest task carries, through the two paths that fetch: {@code /predict} with a trained model
 * (the bad task alone gets an empty result) and the insights image preview (a 4xx). Internal addresses are refused by
 * the address guard before any socket opens (see {@code AddressGuardTest} for the socket-level proof); nothing here
 * connects anywhere but 127.0.0.1.
 */
class HostileImagesTest {

    private static final long TRAINED = 41;
    private static final long PREVIEWS = 42;
    private static final String PLANTED = "PLANTED-SECRET-FILE-7c4e";

    @TempDir
    static Path home;

    private static FakeLabelStudio labelStudio;
    private static MockWebServer hostileHost;
    private static RunningBackend backend;
    private static LabelStudioSimulator trained;
    private static LabelStudioSimulator previews;
    private static final List<Task> GOOD = new ArrayList<>();

    @BeforeAll
    static void trainAModel() throws Exception {
        Path root = Files.createDirectories(home.resolve("files"));
        Files.writeString(home.resolve("planted.txt"), PLANTED, StandardCharsets.UTF_8);
        Files.createSymbolicLink(root.resolve("link.png"), home.resolve("planted.txt"));
        labelStudio = new FakeLabelStudio();
        hostileHost = hostileHost();
        backend = RunningBackend.start(home.resolve("backend"), Map.of("LOCAL_FILES_DOCUMENT_ROOT", root.toString()));
        trained = LabelStudioSimulator.of(backend.uri());
        trained.connect(TRAINED + ".1700000000", ShapeScenes.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN);
        Random random = new Random(11);
        for (int i = 0; i < 18; i++) {
            GOOD.add(Tasks.imageTask(4100 + i, labelStudio.upload(TRAINED, "g" + i + ".png", ShapeScenes.png(i % 3, random))));
        }
        for (int i = 0; i < 15; i++) {
            trained.annotate(GOOD.get(i), Annotations.choice(41_000 + i, GOOD.get(i).id(), ShapeScenes.LABELS.get(i % 3)));
        }
        awaitModel(TRAINED);
        previews = LabelStudioSimulator.of(backend.uri());
        previews.connect(PREVIEWS + ".1700000000", ShapeScenes.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
        hostileHost.close();
        labelStudio.close();
    }

    /** References that must each fail their own task, and only it. */
    static List<String> hostileReferences() {
        String host = "http://127.0.0.1:" + hostileHost.getPort();
        return List.of(
                "file:///etc/passwd",
                "FILE:/etc/passwd",
                "/data/local-files/?d=../planted.txt",
                "/data/local-files/?d=..%2Fplanted.txt",
                "/data/local-files/?d=/etc/passwd",
                "/data/local-files/?d=files/../../planted.txt",
                "/data/local-files/?d=link.png",
                "/data/local-files/?d=..\\planted.txt",
                "/data/upload/../../etc/passwd",
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://[fd00:ec2::254]/latest/meta-data/",
                "http://[::ffff:169.254.169.254]/",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://0.0.0.0:" + hostileHost.getPort() + "/ok.png",
                "gopher://127.0.0.1:25/",
                "ftp://127.0.0.1/x.png",
                "jar:file:///etc/passwd!/",
                host + "/redirect-to-metadata",
                host + "/redirect-to-file",
                host + "/redirect-to-metadata-name",
                host + "/redirect-loop",
                host + "/truncated.png",
                host + "/not-an-image",
                host + "/pixel-bomb.png",
                host + "/html-login",
                host + "/500",
                "data:image/png;base64,!!!not-base64!!!",
                "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(TestImages.pixelBombPng(50_000, 50_000)),
                "   ",
                "x".repeat(10_000));
    }

    @Test
    void eachHostileReferenceEmptiesOnlyItsOwnTaskInAPredictBatch() throws Exception {
        List<String> references = hostileReferences();
        List<Task> batch = new ArrayList<>();
        batch.add(GOOD.get(15));
        for (int i = 0; i < references.size(); i++) {
            batch.add(Tasks.imageTask(4200 + i, references.get(i)));
        }
        batch.add(GOOD.get(16));

        Reply<PredictResponse> reply = trained.predict(batch);

        assertThat(reply.status()).isEqualTo(200);
        List<Prediction> predictions = reply.body().predictions();
        assertThat(predictions).hasSize(batch.size());
        assertThat(predictions.getFirst().result()).as("the good task before").hasSize(1);
        assertThat(predictions.getLast().result()).as("the good task after").hasSize(1);
        for (int i = 0; i < references.size(); i++) {
            assertThat(predictions.get(i + 1).result()).as(references.get(i)).isEmpty();
        }
        assertThat(reply.rawBody()).doesNotContain(Hostile.FILE_CONTENTS);
        assertThat(hostileHost.getRequestCount()).as("requests that reached the hostile host").isPositive();
        assertHealthy(backend.uri(), "a hostile batch");
    }

    static List<String> previewReferences() {
        return hostileReferences();
    }

    @ParameterizedTest(name = "preview of {0}")
    @MethodSource("previewReferences")
    void theImagePreviewRefusesEachHostileReferenceWith4xx(String reference) throws Exception {
        long taskId = 4300 + Math.abs(reference.hashCode() % 100_000);
        Task task = Tasks.imageTask(taskId, reference);
        previews.annotate(task, Annotations.choice(taskId, taskId, "circle"));

        HttpResponse<String> response = Hostile.get(backend.uri(), "/api/v1/projects/" + PREVIEWS + "/tasks/" + taskId + "/image");

        if (reference.endsWith("/500")) {
            // An upstream that fails is a bad gateway, not a bad request; it still leaks nothing of its body.
            assertThat(response.statusCode()).isEqualTo(502);
            Hostile.assertClean(response, reference, "Traceback");
        } else {
            JsonNode error = assertRefused(response, reference);
            assertThat(error.path("error").asText()).as(reference).startsWith("image_");
        }
        assertHealthy(backend.uri(), reference);
    }

    @Test
    void aSlowImageServerTimesOutItsTaskWhileHealthAndTheRestOfTheBatchAnswer() throws Exception {
        Task slow = Tasks.imageTask(4999, "http://127.0.0.1:" + hostileHost.getPort() + "/slow.png");
        long started = System.nanoTime();
        CompletableFuture<Reply<PredictResponse>> reply = CompletableFuture.supplyAsync(
                () -> trained.predict(List.of(GOOD.get(17), slow)));

        Thread.sleep(2_000);
        assertThat(reply).as("the batch waits for the slow image").isNotDone();
        for (int i = 0; i < 5; i++) {
            long healthStart = System.nanoTime();
            assertHealthy(backend.uri(), "a stalled fetch");
            assertThat(Duration.ofNanos(System.nanoTime() - healthStart)).isLessThan(Duration.ofSeconds(1));
        }
        Reply<PredictResponse> answered = reply.get(90, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the read timeout").isLessThan(Duration.ofSeconds(70));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().predictions().get(0).result()).hasSize(1);
        assertThat(answered.body().predictions().get(1).result()).isEmpty();
    }

    private static MockWebServer hostileHost() throws Exception {
        MockWebServer server = new MockWebServer();
        byte[] good = ShapeScenes.png(0, new Random(1));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                return switch (path) {
                    case "/redirect-to-metadata" -> redirect("http://169.254.169.254/latest/meta-data/");
                    case "/redirect-to-file" -> redirect("file:///etc/passwd");
                    case "/redirect-to-metadata-name" -> redirect("http://metadata.google.internal/computeMetadata/v1/");
                    case "/redirect-loop" -> redirect("/redirect-loop");
                    case "/truncated.png" -> image(TestImages.truncated(good));
                    case "/not-an-image" -> image(TestImages.notAnImage());
                    case "/pixel-bomb.png" -> image(TestImages.pixelBombPng(60_000, 60_000));
                    case "/html-login" -> new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                            .body("<html><form>login</form></html>").build();
                    case "/slow.png" -> new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                            .headersDelay(40, TimeUnit.SECONDS).body(new Buffer().write(good)).build();
                    case "/ok.png" -> image(good);
                    default -> new MockResponse.Builder().code(500).body("Traceback (most recent call last): secret stuff").build();
                };
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    private static MockResponse redirect(String location) {
        return new MockResponse.Builder().code(302).setHeader("Location", location).build();
    }

    private static MockResponse image(byte[] bytes) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").body(new Buffer().write(bytes)).build();
    }

    private static void awaitModel(long project) throws Exception {
        new InsightsPoller(backend.uri()).awaitQuiet(project, Duration.ofSeconds(240));
    }
}
