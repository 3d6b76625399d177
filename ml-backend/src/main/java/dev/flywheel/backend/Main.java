package dev.flywheel.backend;

import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.http.FlywheelServer;
import dev.flywheel.backend.inference.EngineInfo;
import dev.flywheel.model.json.FlywheelJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: reads the configuration, builds every collaborator with {@code new}, starts, closes on shutdown. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        // DJL reads these as system properties too; set before the engine loads so it never probes the network.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("java.awt.headless", "true");

        BackendConfig config = BackendConfig.fromEnvironment(System.getenv());
        config.describe().forEach((key, value) -> LOG.info("config {}={}", key, value));
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.inferenceThreads()));

        EngineInfo engine = EngineInfo.loadPyTorch();
        LOG.info("engine {}", engine);

        FlywheelServer server = new FlywheelServer(FlywheelJson.newMapper(), engine.toString())
                .start(config.host(), config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "flywheel-shutdown"));
        LOG.info("Flywheel ML backend listening on http://{}:{}", config.host(), server.port());
    }
}
