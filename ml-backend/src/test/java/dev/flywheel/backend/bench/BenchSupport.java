package dev.flywheel.backend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.Backend;
import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.it.ShapeScenes;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.model.json.FlywheelJson;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;

/** What the reliability bench and soak share: a backend in this JVM, an image host on loopback, figures and files. */
final class BenchSupport {

    static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<String> LABELS = ShapeScenes.LABELS;
    static final String CONFIG = ShapeScenes.CONFIG;
    /** The settings of the integration tests: the production code path, sized for a small CPU. */
    static final TrainingSettings SETTINGS = new TrainingSettings(32, 16, 0.003f, 2_000, 4, 60, 0.2, 7L);

    private BenchSupport() {}

    static Backend start(Path home) {
        return Backend.start(BackendConfig.fromEnvironment(Map.of("FLYWHEEL_HOME", home.toString(), "PORT", "0", "HOST", "127.0.0.1")),
                SETTINGS, TrainingPolicy.defaults());
    }

    /**
     * Serves generated shape images at {@code /img/<n>.png}; image n shows class n % 3. The JDK's server, generating each
     * image again per request: it keeps nothing per request, so the soak's heap is the backend's, not a recording mock
     * server's queue of every request it ever saw.
     */
    static final class ImageHost implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("image-host-", 1).daemon(true).factory());

        ImageHost() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
            server.createContext("/img/", exchange -> {
                try (exchange) {
                    int n = Integer.parseInt(exchange.getRequestURI().getPath().replaceAll("\\D", ""));
                    byte[] png = png(n % 3, new Random(n));
                    exchange.getResponseHeaders().set("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, png.length);
                    exchange.getResponseBody().write(png);
                }
            });
            server.setExecutor(handlers);
            server.start();
        }

        String url(int n) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/img/" + n + ".png";
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    static byte[] png(int label, Random random) {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(60), random.nextInt(60), random.nextInt(60)));
        g.fillRect(0, 0, 48, 48);
        g.setColor(new Color(150 + random.nextInt(100), 150 + random.nextInt(100), 150 + random.nextInt(100)));
        int s = 16 + random.nextInt(12);
        int x = random.nextInt(48 - s);
        int y = random.nextInt(48 - s);
        switch (label) {
            case 0 -> g.fillOval(x, y, s, s);
            case 1 -> g.fillRect(x, y, s, s);
            default -> g.fillRect(x, y + s / 3, s, s / 3);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JsonNode getJson(URI base, String path) throws IOException, InterruptedException {
        return MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    static boolean training(URI base, long project) throws IOException, InterruptedException {
        for (JsonNode m : getJson(base, "/api/v1/projects/" + project + "/models").path("models")) {
            if (List.of("queued", "training").contains(m.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    static void awaitModel(URI base, long project, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline && quiet < 2) {
            JsonNode active = getJson(base, "/api/v1/projects/" + project + "/models").path("active");
            quiet = training(base, project) || active.isNull() || active.isMissingNode() ? 0 : quiet + 1;
            Thread.sleep(400);
        }
        if (quiet < 2) {
            throw new IllegalStateException("no model within " + limit);
        }
    }

    /** Percentile of latencies in nanoseconds, reported in milliseconds. */
    static double percentileMs(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** The 1-minute load average from /proc/loadavg, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: the OS line below still says what ran this
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores visible, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", JDK " + System.getProperty("java.version");
    }

    /** Replaces the text between {@code <!-- name:start -->} and {@code <!-- name:end -->}, or appends the section. */
    static void writeSection(Path file, String name, String body, String skeleton) throws IOException {
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : skeleton;
        String section = start + "\n" + body.strip() + "\n" + end;
        int s = text.indexOf(start);
        int e = text.indexOf(end);
        text = s >= 0 && e > s ? text.substring(0, s) + section + text.substring(e + end.length()) : text.strip() + "\n\n" + section + "\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
