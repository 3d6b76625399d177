package dev.flywheel.backend.it;

import dev.flywheel.backend.Backend;
import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.config.TrainingConfig;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The real backend on a free loopback port with its home in a test folder, started as {@code Main} starts it. */
final class RunningBackend implements AutoCloseable {

    /**
     * Small images and few epochs: the same code path as production, sized for two CPU cores in CI. The shape scenes
     * put their shape anywhere in the picture, the case augmentation is for (see {@code FLYWHEEL_TRAINING_AUGMENT}).
     */
    static final TrainingSettings SETTINGS =
            new TrainingSettings(32, 16, 0.003f, 2_000, 4, 60, 0.2, 7L, dev.flywheel.backend.training.Augmentation.parse("shift,flip"));

    private final Backend backend;

    private RunningBackend(Backend backend) {
        this.backend = backend;
    }

    static RunningBackend start(Path home, Map<String, String> extraEnv) {
        return start(home, extraEnv, SETTINGS);
    }

    static RunningBackend start(Path home, Map<String, String> extraEnv, TrainingSettings settings) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("FLYWHEEL_HOME", home.toString());
        env.put("PORT", "0");
        env.put("HOST", "127.0.0.1");
        return new RunningBackend(Backend.start(BackendConfig.fromEnvironment(env), settings,
                TrainingConfig.policyFromEnvironment(env)));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + backend.port());
    }

    @Override
    public void close() {
        backend.close();
    }
}
