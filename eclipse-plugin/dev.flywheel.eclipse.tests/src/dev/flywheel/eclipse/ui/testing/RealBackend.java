package dev.flywheel.eclipse.ui.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.Annotation;
import dev.flywheel.model.labelstudio.ChoicesRegion;
import dev.flywheel.model.labelstudio.RegionHeader;
import dev.flywheel.model.labelstudio.LabelStudioProject;
import dev.flywheel.model.labelstudio.PredictRequest;
import dev.flywheel.model.labelstudio.SetupRequest;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.UserRef;
import dev.flywheel.model.labelstudio.WebhookEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real ml-backend as a child process ({@code java -jar ml-backend/target/flywheel-ml-backend.jar}) on a free
 * loopback port with its home in a temp folder, seeded the way Label Studio seeds it: {@code /setup}, one
 * {@code ANNOTATION_CREATED} webhook per shape image (served with a token by {@link FakeLabelStudio}), Start
 * Training, then a batch {@code /predict}. It is started once per test run (see {@link RealBackendExtension}) and
 * killed when the run ends.
 */
public final class RealBackend implements AutoCloseable {

    /** Label Studio's numeric id of the seeded project. */
    public static final long PROJECT = 7;
    /** The seeded project's title. */
    public static final String TITLE = "Shapes";
    /** How many image tasks are annotated. */
    public static final int TASKS = 42;
    /** The task id of the first task; the others follow. */
    public static final long FIRST_TASK = 1000;
    /** Tasks (by index) whose given label is deliberately wrong: the next shape's label. */
    public static final Set<Integer> FLIPPED = Set.of(4, 17, 29);

    private static final String UID = PROJECT + ".1732870000";
    private static final ObjectMapper JSON = FlywheelJson.newMapper();
    private static final Duration SETTLE = Duration.ofSeconds(150);

    private final Process process;
    private final Path home;
    private final Path log;
    private final FakeLabelStudio labelStudio;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Task> tasks = new ArrayList<>();
    private int touches;

    private RealBackend(Process process, Path home, Path log, FakeLabelStudio labelStudio, int port) {
        this.process = process;
        this.home = home;
        this.log = log;
        this.labelStudio = labelStudio;
        this.url = "http://127.0.0.1:" + port;
    }

    /** Starts the backend, waits for {@code /health}, seeds the project and waits until a version is ready and audited. */
    public static RealBackend startSeeded() throws Exception {
        Path repo = repositoryRoot();
        Path jar = repo.resolve("ml-backend/target/flywheel-ml-backend.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build ml-backend in the same reactor before the plugin tests");
        }
        Path home = Files.createTempDirectory("flywheel-ui-tests");
        Path log = home.resolve("backend.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("FLYWHEEL_HOME", home.toString());
        env.put("PORT", Integer.toString(port));
        env.put("HOST", "127.0.0.1");
        env.put("DJL_OFFLINE", "true");
        env.put("OPT_OUT_TRACKING", "true");
        env.put("DJL_CACHE_DIR", repo.resolve("ml-backend/target/djl-cache").toString());
        env.put("ENGINE_CACHE_DIR", repo.resolve("ml-backend/target/djl-cache").toString());
        // small runs: the same code path as production, sized so a busy two-core machine trains in seconds
        env.put("FLYWHEEL_TRAINING_INPUT_SIZE", "32");
        env.put("FLYWHEEL_TRAINING_IMAGE_BUDGET", "1500");
        env.put("FLYWHEEL_TRAINING_MAX_EPOCHS", "40");
        // the shapes sit anywhere in their images: what augmentation is for
        env.put("FLYWHEEL_TRAINING_AUGMENT", "shift,flip");
        FakeLabelStudio labelStudio = new FakeLabelStudio();
        RealBackend backend = new RealBackend(builder.start(), home, log, labelStudio, port);
        try {
            backend.awaitHealth();
            backend.seed();
            return backend;
        } catch (Exception | AssertionError e) {
            backend.close();
            throw e;
        }
    }

    /** The repository root: {@code -Dflywheel.repo.root} from the build, else the nearest folder above with ml-backend. */
    private static Path repositoryRoot() {
        String configured = System.getProperty("flywheel.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ml-backend"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root; set -Dflywheel.repo.root");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealth() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the backend exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/health"))).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the backend did not answer /health within 60 s:\n" + logTail());
    }

    private void seed() throws Exception {
        post("/setup", new SetupRequest(UID, ShapeImages.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN, null, null, null));
        LabelStudioProject project = new LabelStudioProject(PROJECT, TITLE, "", ShapeImages.CONFIG, "", null, null, null);
        Random random = new Random(11);
        for (int i = 0; i < TASKS; i++) {
            long id = FIRST_TASK + i;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("image", labelStudio.upload(PROJECT, "shape-" + i + ".png", ShapeImages.png(i % 3, random)));
            Task task = Task.of(id, data);
            tasks.add(task);
            post("/webhook", WebhookEvent.of(WebhookEvent.ANNOTATION_CREATED, annotation(5000 + i, id, givenLabel(i)), task, project));
            if (i == TASKS / 2) {
                // A first version from half of the labels, then Start Training on all: the views have two to show.
                awaitIdle();
            }
        }
        post("/webhook", WebhookEvent.of(WebhookEvent.START_TRAINING, null, null, project));
        settle();
        predictAll();
    }

    /**
     * Asks {@code /predict} for every seeded task, as Label Studio does when its tasks are opened: the active version
     * then has served enough images for a drift report, whichever version an earlier test made active.
     */
    public void predictAll() throws Exception {
        post("/predict", PredictRequest.batch(tasks, UID, ShapeImages.CONFIG));
    }

    /** The label the seeded annotation of task {@code index} gives: its shape, or the next shape's when flipped. */
    public static String givenLabel(int index) {
        int shape = index % 3;
        return ShapeImages.LABELS.get(FLIPPED.contains(index) ? (shape + 1) % 3 : shape);
    }

    /** How many seeded annotations give {@code label}. */
    public static long annotationsOf(String label) {
        return java.util.stream.IntStream.range(0, TASKS).filter(i -> givenLabel(i).equals(label)).count();
    }

    /**
     * Sends Label Studio's {@code ANNOTATION_UPDATED} for the seeded annotation of task {@code index}, its label unchanged
     * but saved again later: new data to the backend, so Train now has something to train, without changing any count.
     */
    public void touchAnnotation(int index) throws Exception {
        long id = FIRST_TASK + index;
        String later = String.format("2026-11-29T09:%02d:%02d.000000Z", touches / 60 % 60, touches % 60);
        touches++;
        LabelStudioProject project = new LabelStudioProject(PROJECT, TITLE, "", ShapeImages.CONFIG, "", null, null, null);
        post("/webhook", WebhookEvent.of(WebhookEvent.ANNOTATION_UPDATED, annotation(5000 + index, id, givenLabel(index), later), tasks.get(index),
                project));
    }

    /** The seeded annotations' author, as a user object with the e-mail Label Studio has for them. */
    public static final String ANNOTATOR_EMAIL = "ann@example.com";

    private static final UserRef ANNOTATOR = new UserRef(1L, Map.of("id", 1, "email", ANNOTATOR_EMAIL, "first_name", "", "last_name", ""));

    private static Annotation annotation(long id, long task, String label) {
        return annotation(id, task, label, "2026-11-29T08:00:00.000000Z");
    }

    private static Annotation annotation(long id, long task, String label, String updated) {
        String now = "2026-11-29T08:00:00.000000Z";
        ChoicesRegion choice = new ChoicesRegion(RegionHeader.of("label", "image", null), new ChoicesRegion.Value(List.of(label), null));
        return new Annotation(id, List.of(choice), false, false, 12.5, task, PROJECT, ANNOTATOR, now, updated, Map.of(), 1, null,
                null, null, null, null);
    }

    /**
     * Waits until no version is queued or training, one is active, and the cross-validation audit of the active
     * version (which label issues build on) is written.
     */
    public void settle() throws Exception {
        await(true);
    }

    /** Waits until no version is queued or training and one is active; the audit may still be running. */
    public void awaitIdle() throws Exception {
        await(false);
    }

    private void await(boolean audited) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int quiet = 0;
        while (quiet < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("training did not settle within " + SETTLE + ":\n" + logTail());
            }
            JsonNode models = get("/api/v1/projects/" + PROJECT + "/models");
            boolean busy = models.path("active").isNull() || models.path("active").isMissingNode();
            for (JsonNode m : models.path("models")) {
                busy |= Set.of("queued", "training").contains(m.path("status").asText());
            }
            String active = models.path("active").asText();
            busy |= audited && !Files.exists(home.resolve("audits").resolve(Long.toString(PROJECT)).resolve(active + ".json"));
            quiet = busy ? 0 : quiet + 1;
            Thread.sleep(300);
        }
    }

    /** The backend's base URL. */
    public String url() {
        return url;
    }

    /** The Label Studio double's base URL. */
    public String labelStudioUrl() {
        return labelStudio.url();
    }

    /** How many images the Label Studio double served with a valid token. */
    public int imagesServed() {
        return labelStudio.imagesServed();
    }

    /** The seeded tasks, in order. */
    public List<Task> tasks() {
        return List.copyOf(tasks);
    }

    /** {@code GET path} as JSON, failing on a non-200 answer. */
    public JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code POST path} without a body (an insights-API command) as JSON, failing on a non-2xx answer. */
    public JsonNode post(String path) throws Exception {
        // The backend takes state-changing calls as JSON only (a cross-site form cannot send that), as the plugin's client does.
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void post(String path, Object body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body() + "\n" + logTail());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(url + path);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the process and deletes its home. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        labelStudio.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
