package dev.flywheel.backend.http.api;

import dev.flywheel.backend.http.errors.JsonBodies;
import dev.flywheel.backend.prelabeljob.PrelabelJobs;
import dev.flywheel.model.api.PrelabelJobRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** Routes of {@code /api/v1/projects/{project}/prelabel-jobs}: start a job, read its progress, cancel it. */
public final class PrelabelJobController {

    private static final String JOBS = "/api/v1/projects/{project}/prelabel-jobs";

    private final JsonBodies bodies;
    private final PrelabelJobs jobs;

    public PrelabelJobController(JsonBodies bodies, PrelabelJobs jobs) {
        this.bodies = bodies;
        this.jobs = jobs;
    }

    public void register(Javalin app) {
        app.post(JOBS, this::start);
        app.get(JOBS + "/{job}", ctx -> ctx.json(jobs.status(InsightsController.project(ctx), ctx.pathParam("job"))));
        app.delete(JOBS + "/{job}", ctx -> ctx.json(jobs.cancel(InsightsController.project(ctx), ctx.pathParam("job"))));
    }

    private void start(Context ctx) {
        long project = InsightsController.project(ctx);
        // Both fields are optional: an empty body (with the JSON content type) asks for the defaults.
        PrelabelJobRequest request = ctx.bodyAsBytes().length == 0 ? new PrelabelJobRequest(null, null) : bodies.read(ctx, PrelabelJobRequest.class);
        ctx.status(202).json(jobs.start(project, request));
    }
}
