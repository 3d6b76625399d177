package dev.flywheel.backend.http.labelstudio;

import dev.flywheel.backend.annotations.WebhookHandler;
import dev.flywheel.backend.config.Secret;
import dev.flywheel.backend.http.errors.ApiException;
import dev.flywheel.backend.http.errors.JsonBodies;
import dev.flywheel.backend.kind.ServedConfig;
import dev.flywheel.backend.labelstudio.ConnectionCheck;
import dev.flywheel.backend.kind.ServedConfigs;
import dev.flywheel.backend.prelabel.PrelabelService;
import dev.flywheel.backend.project.ProjectConnection;
import dev.flywheel.backend.project.ProjectSettings;
import dev.flywheel.model.labelstudio.PredictRequest;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.SetupRequest;
import dev.flywheel.model.labelstudio.SetupResponse;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.WebhookEvent;
import dev.flywheel.model.labelstudio.WebhookResponse;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Label Studio's ML-backend endpoints ({@code /setup}, {@code /predict}, {@code /webhook}); translation only.
 *
 * <p>Predictions run on their own bounded executor, so the request threads stay free for {@code /health} and
 * {@code /setup}, which Label Studio gives one and three seconds.
 */
public final class LabelStudioController {

    private final JsonBodies bodies;
    private final ServedConfigs configs;
    private final ProjectSettings projects;
    private final PrelabelService prelabel;
    private final WebhookHandler webhooks;
    private final ExecutorService predictExecutor;
    private final ConnectionCheck connectionCheck;

    public LabelStudioController(
            JsonBodies bodies,
            ServedConfigs configs,
            ProjectSettings projects,
            PrelabelService prelabel,
            WebhookHandler webhooks,
            ExecutorService predictExecutor,
            ConnectionCheck connectionCheck) {
        this.bodies = bodies;
        this.configs = configs;
        this.projects = projects;
        this.prelabel = prelabel;
        this.webhooks = webhooks;
        this.predictExecutor = predictExecutor;
        this.connectionCheck = connectionCheck;
    }

    public void register(Javalin app) {
        app.post("/setup", this::setup);
        app.post("/predict", this::predict);
        app.post("/webhook", this::webhook);
    }

    void setup(Context ctx) {
        SetupRequest request = bodies.read(ctx, SetupRequest.class);
        if (request.schema() == null || request.schema().isBlank()) {
            throw ApiException.badRequest("missing_schema", "setup needs the project's label config in 'schema'");
        }
        long project = request.projectId();
        ServedConfig config = configs.get(request.schema()).require();
        ProjectConnection connection = new ProjectConnection(
                project,
                request.schema(),
                Optional.ofNullable(request.hostname()).filter(h -> !h.isBlank()),
                Optional.ofNullable(request.accessToken()).filter(t -> !t.isBlank()).map(Secret::new));
        projects.remember(connection);
        String version = prelabel.currentVersion(project, config);
        // Label Studio reads only model_version; the warning is for whoever looks at the reply (and the log says it too).
        ctx.json(connectionCheck.problemAfterSetup(connection)
                .map(problem -> new SetupResponse(version, null, Map.of("warning", problem)))
                .orElseGet(() -> SetupResponse.of(version)));
    }

    void predict(Context ctx) {
        PredictRequest request = bodies.read(ctx, PredictRequest.class);
        // The config decides first: an unsupported project gets the same clear 422 whatever else the request lacks.
        Optional<ServedConfig> sent = Optional.ofNullable(request.labelConfig()).filter(c -> !c.isBlank()).map(c -> configs.get(c).require());
        // Label Studio's test call and some versions send no project: the tasks may say, else the config does.
        Optional<Long> named = request.sentProjectId()
                .or(() -> request.tasks().stream().map(Task::project).filter(Objects::nonNull).findFirst())
                .or(() -> Optional.ofNullable(request.labelConfig()).flatMap(projects::withLabelConfig));
        if (named.isEmpty() && sent.isEmpty()) {
            throw ApiException.badRequest("missing_label_config", "predict needs 'label_config' or 'project'");
        }
        ServedConfig config = sent.orElseGet(() -> projects.find(named.get()).map(p -> configs.get(p.labelConfig()).require())
                .orElseThrow(() -> ApiException.badRequest(
                        "missing_label_config", "predict needs 'label_config', or a /setup for project " + named.get() + " first")));
        CompletableFuture<PredictResponse> reply = CompletableFuture.supplyAsync(
                () -> {
                    PrelabelService.Batch batch = named.map(project -> prelabel.predict(project, config, request.tasks()))
                            .orElseGet(() -> prelabel.unconnected(request.tasks()));
                    return PredictResponse.of(batch.predictions(), batch.version());
                },
                predictExecutor);
        ctx.future(() -> reply.thenAccept(ctx::json));
    }

    void webhook(Context ctx) {
        WebhookEvent event = bodies.read(ctx, WebhookEvent.class);
        if (webhooks.handle(event)) {
            ctx.status(201).json(new WebhookResponse("ok", null, null));
        } else {
            ctx.status(200).json(new WebhookResponse("Unknown event", null, null));
        }
    }
}
