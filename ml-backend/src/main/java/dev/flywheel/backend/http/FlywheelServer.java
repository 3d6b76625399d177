package dev.flywheel.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.Objects;

/** Builds the Javalin app from its collaborators and owns its lifecycle. */
public final class FlywheelServer implements AutoCloseable {

    private final Javalin app;

    public FlywheelServer(ObjectMapper mapper, String engine) {
        Objects.requireNonNull(mapper, "mapper");
        HealthController health = new HealthController(engine);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
        });
        app.get("/", health::health);
        app.get("/health", health::health);
    }

    /** Starts listening; port 0 picks a free port, see {@link #port()}. */
    public FlywheelServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
