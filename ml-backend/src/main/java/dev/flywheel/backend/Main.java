package dev.flywheel.backend;

import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.config.ConfigException;
import dev.flywheel.backend.config.TrainingConfig;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingSettings;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The entry point: reads the configuration, starts the {@link Backend}, closes it on shutdown. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        // DJL reads these as system properties too; set before the engine loads so it never probes the network.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("java.awt.headless", "true");

        Backend backend;
        try {
            backend = start(System.getenv());
        } catch (ConfigException e) {
            // A setting the operator must change: say which and how, without a stack trace to read through.
            LOG.error("Flywheel did not start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "flywheel-shutdown"));
    }

    /**
     * Starts the backend {@code env} describes, exactly as the command line does (the benchmarks start it so, with an
     * otherwise empty environment, to measure what a user gets); the caller closes it.
     *
     * @throws ConfigException naming the setting to change
     */
    public static Backend start(Map<String, String> env) {
        BackendConfig config = BackendConfig.fromEnvironment(env);
        config.describe().forEach((key, value) -> LOG.info("config {}={}", key, value));
        if (config.basicAuth().isEmpty() && !config.loopbackOnly()) {
            LOG.warn("listening on {} WITHOUT authentication (FLYWHEEL_ALLOW_UNAUTHENTICATED=true): anyone who can reach this port can "
                    + "post annotations, train and activate versions; set BASIC_AUTH_USER and BASIC_AUTH_PASS to close it", config.host());
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.inferenceThreads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

        TrainingSettings training = TrainingConfig.fromEnvironment(env);
        training.asMap().forEach((key, value) -> LOG.info("training {}={}", key, value));
        Backend backend = Backend.start(config, training, TrainingPolicy.defaults());
        LOG.info("Flywheel ML backend listening on http://{}:{}", config.host(), backend.port());
        return backend;
    }
}
