package dev.flywheel.backend.http;

import io.javalin.http.Context;
import java.util.Map;

/** Answers Label Studio's liveness probe; never touches the model, so it stays fast under load. */
final class HealthController {

    static final String MODEL_CLASS = "Flywheel";

    private final String engine;

    HealthController(String engine) {
        this.engine = engine;
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "UP", "model_class", MODEL_CLASS, "engine", engine));
    }
}
