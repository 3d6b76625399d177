package dev.flywheel.backend.http.api;

import dev.flywheel.backend.http.errors.ApiException;
import dev.flywheel.backend.insights.ModelInsights;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** Routes of {@code /api/v1}: parse path parameters, call one insights service, write its reply. */
public final class InsightsController {

    private static final String PROJECT = "/api/v1/projects/{project}";

    private final ModelInsights models;

    public InsightsController(ModelInsights models) {
        this.models = models;
    }

    public void register(Javalin app) {
        app.get("/api/v1/projects", ctx -> ctx.json(models.projects()));
        app.get(PROJECT + "/models", ctx -> ctx.json(models.models(project(ctx))));
        app.get(PROJECT + "/models/{version}", ctx -> ctx.json(models.model(project(ctx), ctx.pathParam("version"))));
        app.post(PROJECT + "/models/{version}/activate", ctx -> ctx.json(models.activate(project(ctx), ctx.pathParam("version"))));
        app.post(PROJECT + "/train", ctx -> ctx.status(202).json(models.train(project(ctx))));
    }

    static long project(Context ctx) {
        String raw = ctx.pathParam("project");
        try {
            long id = Long.parseLong(raw);
            if (id < 0) {
                throw new NumberFormatException(raw);
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_project", "project must be Label Studio's numeric project id, was '" + raw + "'");
        }
    }
}
