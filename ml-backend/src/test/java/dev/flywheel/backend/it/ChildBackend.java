package dev.flywheel.backend.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real {@code Main} in a separate JVM with its home in a test folder, so a test can kill it hard (SIGKILL: no
 * shutdown hook, no close) the way a power cut or the OOM killer would.
 */
public final class ChildBackend implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ChildBackend(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code Main} on a free loopback port and returns once {@code /health} answers. */
    public static ChildBackend start(Path home, Path logDir, Map<String, String> extraEnv) throws Exception {
        ChildBackend child = launch(home, logDir, extraEnv);
        child.awaitHealthy(Duration.ofSeconds(45));
        return child;
    }

    /** Starts {@code Main} on a free loopback port without waiting for it to answer (or to exit, see {@link #awaitExit}). */
    static ChildBackend launch(Path home, Path logDir, Map<String, String> extraEnv) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile(logDir, "child-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                "dev.flywheel.backend.Main"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("LABEL_STUDIO_") || key.startsWith("BASIC_AUTH"));
        Map<String, String> settings = new HashMap<>(Map.of(
                "FLYWHEEL_HOME", home.toString(),
                "PORT", Integer.toString(port),
                "HOST", "127.0.0.1",
                "DJL_OFFLINE", "true",
                "OPT_OUT_TRACKING", "true"));
        // Surefire gives this JVM the DJL cache with the engine in it; the child must use the same, offline.
        for (String cache : List.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR")) {
            String value = System.getenv(cache);
            if (value != null) {
                settings.put(cache, value);
            }
        }
        settings.putAll(extraEnv);
        env.putAll(settings);
        return new ChildBackend(builder.start(), port, log);
    }

    /** The exit code once the process has ended by itself; an AssertionError (and a kill) if it is still running then. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            killHard();
            throw new AssertionError("the backend was still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** SIGKILL on Linux: the JVM gets no chance to run hooks, flush or close anything. */
    public void killHard() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The child's output so far, for failure messages. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Stops the child gracefully (SIGTERM runs Main's shutdown hook). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    killHard();
                }
            } catch (InterruptedException e) {
                killHard();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the backend exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(uri() + "/health"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the backend did not become healthy within " + timeout + ":\n" + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
