package dev.flywheel.backend.http;

import dev.flywheel.model.labelstudio.HealthResponse;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/** Answers Label Studio's liveness probe; never touches the model, so it stays fast under load. */
public final class HealthController implements Routes {

    static final String MODEL_CLASS = "Flywheel";

    private final String engine;
    private final boolean authenticated;

    /** {@code authenticated}: whether every route asks for credentials; {@code /health} says {@code "auth"} either way. */
    public HealthController(String engine, boolean authenticated) {
        this.engine = engine;
        this.authenticated = authenticated;
    }

    @Override
    public void register(Javalin app) {
        app.get("/", this::health);
        app.get("/health", this::health);
    }

    void health(Context ctx) {
        ctx.json(new HealthResponse(HealthResponse.UP, MODEL_CLASS, Map.of("engine", engine, "auth", authenticated ? "basic" : "off")));
    }
}
