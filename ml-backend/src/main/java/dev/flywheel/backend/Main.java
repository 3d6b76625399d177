package dev.flywheel.backend;

import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.config.ConfigException;
import dev.flywheel.backend.config.TrainingConfig;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingSettings;
import java.util.List;
import java.util.Map;
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

        if (args.length > 0 && args[0].equals("prelabel")) {
            // One job without the server: the same store, models and Label Studio settings.
            try {
                BackendConfig config = configure(System.getenv());
                System.exit(PrelabelCommand.run(List.of(args), config, TrainingConfig.fromEnvironment(System.getenv())));
            } catch (ConfigException e) {
                LOG.error("the pre-label job did not start: {}", e.getMessage());
                System.exit(2);
            }
            return;
        }
        Backend backend;
        try {
            backend = start(System.getenv());
        } catch (ConfigException e) {
            // A setting the operator must change, a home another process holds, a backbone that is none: say which and
            // how, without a stack trace to read through.
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
        BackendConfig config = configure(env);
        if (config.basicAuth().isEmpty() && !config.loopbackOnly()) {
            LOG.warn("listening on {} WITHOUT authentication (FLYWHEEL_ALLOW_UNAUTHENTICATED=true): anyone who can reach this port can "
                    + "post annotations, train and activate versions; set BASIC_AUTH_USER and BASIC_AUTH_PASS to close it", config.host());
        }
        TrainingSettings training = TrainingConfig.fromEnvironment(env);
        training.asMap().forEach((key, value) -> LOG.info("training {}={}", key, value));
        TrainingPolicy policy = TrainingConfig.policyFromEnvironment(env);
        LOG.info("training catch_up_after={}", policy.catchUpAfter().map(d -> d.toSeconds() + " s").orElse("never"));
        Backend backend = Backend.start(config, training, policy);
        LOG.info("Flywheel ML backend listening on http://{}:{}", config.host(), backend.port());
        return backend;
    }

    /** The configuration {@code env} describes, printed, with DJL's threads set from it before the engine loads. */
    private static BackendConfig configure(Map<String, String> env) {
        BackendConfig config = BackendConfig.fromEnvironment(env);
        config.describe().forEach((key, value) -> LOG.info("config {}={}", key, value));
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.inferenceThreads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        return config;
    }
}
