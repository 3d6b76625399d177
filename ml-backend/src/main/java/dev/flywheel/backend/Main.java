package dev.flywheel.backend;

import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.config.ConfigException;
import dev.flywheel.backend.config.TrainingConfig;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingSettings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: reads the configuration, starts the {@link Backend}, closes it on shutdown; with the arguments
 * {@code prelabel --project <id>} it runs one pre-label job without the server instead ({@link PrelabelCommand}).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        // DJL reads these as system properties too; set before the engine loads so it never probes the network.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("java.awt.headless", "true");

        BackendConfig config;
        try {
            config = BackendConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            // A setting the operator must change: say which and how, without a stack trace to read through.
            LOG.error("Flywheel did not start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        config.describe().forEach((key, value) -> LOG.info("config {}={}", key, value));
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.inferenceThreads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        TrainingSettings training = TrainingConfig.fromEnvironment(System.getenv());
        if (args.length > 0 && args[0].equals("prelabel")) {
            // One job without the server: the same store, models and Label Studio settings.
            try {
                System.exit(PrelabelCommand.run(List.of(args), config, training));
            } catch (ConfigException e) {
                LOG.error("the pre-label job did not start: {}", e.getMessage());
                System.exit(2);
            }
            return;
        }
        if (config.basicAuth().isEmpty() && !config.loopbackOnly()) {
            LOG.warn("listening on {} WITHOUT authentication (FLYWHEEL_ALLOW_UNAUTHENTICATED=true): anyone who can reach this port can "
                    + "post annotations, train and activate versions; set BASIC_AUTH_USER and BASIC_AUTH_PASS to close it", config.host());
        }
        training.asMap().forEach((key, value) -> LOG.info("training {}={}", key, value));
        Backend backend;
        try {
            backend = Backend.start(config, training, TrainingPolicy.defaults());
        } catch (ConfigException e) {
            // A home another process holds, a backbone that is none: at once, with what to change.
            LOG.error("Flywheel did not start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "flywheel-shutdown"));
        LOG.info("Flywheel ML backend listening on http://{}:{}", config.host(), backend.port());
    }
}
