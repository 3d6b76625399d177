package dev.flywheel.backend.http.api;

import dev.flywheel.backend.http.errors.ApiException;
import dev.flywheel.backend.image.FetchedImage;
import dev.flywheel.backend.insights.DatasetInsights;
import dev.flywheel.backend.insights.DriftInsights;
import dev.flywheel.backend.insights.ModelInsights;
import dev.flywheel.backend.insights.Page;
import dev.flywheel.backend.insights.RunInsights;
import dev.flywheel.backend.insights.TaskImages;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** Routes of {@code /api/v1}: parse path and query parameters, call one insights service, write its reply. */
public final class InsightsController {

    private static final String PROJECT = "/api/v1/projects/{project}";

    private final ModelInsights models;
    private final DatasetInsights datasets;
    private final RunInsights runs;
    private final TaskImages images;
    private final DriftInsights drift;

    public InsightsController(ModelInsights models, DatasetInsights datasets, RunInsights runs, TaskImages images, DriftInsights drift) {
        this.models = models;
        this.datasets = datasets;
        this.runs = runs;
        this.images = images;
        this.drift = drift;
    }

    public void register(Javalin app) {
        app.get("/api/v1/projects", ctx -> ctx.json(models.projects()));
        app.get(PROJECT + "/stats", ctx -> ctx.json(datasets.stats(project(ctx))));
        app.get(PROJECT + "/tasks", ctx -> ctx.json(datasets.tasks(project(ctx), ctx.queryParam("label"),
                "true".equalsIgnoreCase(ctx.queryParam("has_issue")), "uncertainty".equals(ctx.queryParam("order")), page(ctx))));
        app.get(PROJECT + "/tasks/{task}/image", this::image);
        app.get(PROJECT + "/label-issues", ctx -> ctx.json(datasets.labelIssues(project(ctx), page(ctx))));
        app.get(PROJECT + "/models", ctx -> ctx.json(models.models(project(ctx))));
        app.get(PROJECT + "/models/{version}", ctx -> ctx.json(models.model(project(ctx), ctx.pathParam("version"))));
        app.post(PROJECT + "/models/{version}/activate", ctx -> ctx.json(models.activate(project(ctx), ctx.pathParam("version"))));
        app.post(PROJECT + "/train", ctx -> ctx.status(202).json(models.train(project(ctx))));
        app.get(PROJECT + "/compare", this::compare);
        app.get(PROJECT + "/learning-curve", ctx -> ctx.json(runs.learningCurve(project(ctx))));
        app.get(PROJECT + "/flywheel", ctx -> ctx.json(runs.flywheel(project(ctx))));
        app.get(PROJECT + "/drift", ctx -> ctx.json(drift.drift(project(ctx))));
    }

    private void compare(Context ctx) {
        String base = ctx.queryParam("base");
        String candidate = ctx.queryParam("candidate");
        if (base == null || candidate == null) {
            throw ApiException.badRequest("missing_parameter", "compare needs ?base=<version>&candidate=<version>");
        }
        ctx.json(runs.compare(project(ctx), base, candidate));
    }

    private void image(Context ctx) {
        FetchedImage image = images.image(project(ctx), number(ctx.pathParam("task"), "task"));
        ctx.contentType(image.mediaType()).result(image.bytes());
    }

    private static Page page(Context ctx) {
        try {
            return Page.of(ctx.queryParam("cursor"), ctx.queryParam("limit"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_page", e.getMessage());
        }
    }

    static long project(Context ctx) {
        return number(ctx.pathParam("project"), "project");
    }

    private static long number(String raw, String what) {
        try {
            long id = Long.parseLong(raw);
            if (id < 0) {
                throw new NumberFormatException(raw);
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_" + what, what + " must be Label Studio's numeric id, was '" + raw + "'");
        }
    }
}
