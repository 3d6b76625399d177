package dev.flywheel.backend.http.labelstudio;

import dev.flywheel.backend.annotations.WebhookHandler;
import dev.flywheel.backend.http.errors.JsonBodies;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.model.labelstudio.Annotation;
import dev.flywheel.model.labelstudio.LabelStudioProject;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.TrainRequest;
import dev.flywheel.model.labelstudio.TrainResponse;
import dev.flywheel.model.labelstudio.VersionsResponse;
import dev.flywheel.model.labelstudio.WebhookEvent;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The optional and legacy endpoints: {@code /versions}, {@code /metrics} and the {@code /train} of Label Studio 1.3
 * and older, which arrives as a webhook replay so it takes the same path as every other annotation.
 */
public final class LegacyController {

    private final JsonBodies bodies;
    private final ModelRegistry registry;
    private final WebhookHandler webhooks;

    public LegacyController(JsonBodies bodies, ModelRegistry registry, WebhookHandler webhooks) {
        this.bodies = bodies;
        this.registry = registry;
        this.webhooks = webhooks;
    }

    public void register(Javalin app) {
        app.get("/versions", this::versions);
        app.post("/versions", this::versions);
        app.get("/metrics", ctx -> ctx.json(Map.of()));
        app.post("/train", this::train);
    }

    void versions(Context ctx) {
        ctx.json(new VersionsResponse(registry.allVersionNames(), null));
    }

    void train(Context ctx) {
        TrainRequest request = bodies.read(ctx, TrainRequest.class);
        long project = request.projectId();
        LabelStudioProject projectRef = LabelStudioProject.of(project, request.labelConfig());
        int annotations = 0;
        for (Task task : request.annotations() == null ? java.util.List.<Task>of() : request.annotations()) {
            for (Annotation annotation : task.annotationsOrEmpty()) {
                webhooks.handle(WebhookEvent.of(WebhookEvent.ANNOTATION_CREATED, annotation, task, projectRef));
                annotations++;
            }
        }
        webhooks.handle(WebhookEvent.of(WebhookEvent.START_TRAINING, null, null, projectRef));
        ctx.status(201).json(new TrainResponse("train-" + project + "-" + annotations + "-" + System.currentTimeMillis(), null));
    }
}
