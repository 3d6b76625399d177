package dev.flywheel.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.annotations.WebhookHandler;
import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.http.FlywheelServer;
import dev.flywheel.backend.http.HealthController;
import dev.flywheel.backend.http.errors.JsonBodies;
import dev.flywheel.backend.http.labelstudio.LabelStudioController;
import dev.flywheel.backend.http.labelstudio.LegacyController;
import dev.flywheel.backend.inference.ActiveModels;
import dev.flywheel.backend.inference.ActiveVersionSource;
import dev.flywheel.backend.inference.EngineInfo;
import dev.flywheel.backend.labelconfig.LabelConfigCache;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import dev.flywheel.backend.prelabel.ImageSource;
import dev.flywheel.backend.prelabel.PredictionLog;
import dev.flywheel.backend.prelabel.PrelabelService;
import dev.flywheel.backend.project.ProjectSettings;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.model.json.FlywheelJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The running backend: every collaborator built with {@code new} from a configuration, started, and closed in reverse
 * order. {@link Main} runs one; integration tests start the same thing on a free port.
 */
public final class Backend implements AutoCloseable {

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final FlywheelServer server;

    private Backend(FlywheelServer server, List<AutoCloseable> owned) {
        this.server = server;
        this.owned.addAll(owned);
    }

    /** Builds and starts everything the configuration describes. */
    public static Backend start(BackendConfig config, Collaborators parts) {
        ObjectMapper mapper = FlywheelJson.newMapper();
        List<AutoCloseable> owned = new ArrayList<>();
        EngineInfo engine = EngineInfo.loadPyTorch();
        ModelRegistry registry = new ModelRegistry(config.home().resolve("models"), mapper);
        registry.removeStagingLeftovers();
        ActiveModels models = new ActiveModels(registry, parts.activeVersions(), 2);
        owned.add(models);
        ExecutorService fetchExecutor = Executors.newFixedThreadPool(8, named("flywheel-fetch"));
        owned.add(fetchExecutor::shutdownNow);
        // Two predict workers and a short queue: beyond that Label Studio gets a 503 with Retry-After, not a stall.
        ThreadPoolExecutor predictExecutor = new ThreadPoolExecutor(
                2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), named("flywheel-predict"), new ThreadPoolExecutor.AbortPolicy());
        owned.add(predictExecutor::shutdownNow);
        PrelabelService prelabel = new PrelabelService(models, parts.images(), fetchExecutor, parts.predictionLog());
        JsonBodies bodies = new JsonBodies(mapper);
        LabelConfigCache configs = new LabelConfigCache(new LabelConfigParser());
        FlywheelServer server = new FlywheelServer(mapper, config.basicAuth(), List.of(
                new HealthController(engine.toString()),
                new LabelStudioController(bodies, configs, parts.projects(), prelabel, parts.webhooks(), predictExecutor)::register,
                new LegacyController(bodies, registry, parts.webhooks())::register));
        server.start(config.host(), config.port());
        return new Backend(server, owned);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // Closing the rest matters more than this one failure at shutdown.
            }
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        return Thread.ofPlatform().name(prefix + "-", 1).daemon(true).factory();
    }

    /** The stateful parts, supplied by the store once it exists. */
    public record Collaborators(
            ActiveVersionSource activeVersions, ProjectSettings projects, ImageSource images, PredictionLog predictionLog, WebhookHandler webhooks) {}
}
