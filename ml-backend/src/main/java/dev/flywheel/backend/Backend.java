package dev.flywheel.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.annotations.AnnotationIntake;
import dev.flywheel.backend.annotations.TrainingTrigger;
import dev.flywheel.backend.config.BackboneConfig;
import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.config.ConfigException;
import dev.flywheel.backend.http.FlywheelServer;
import dev.flywheel.backend.http.HealthController;
import dev.flywheel.backend.http.api.InsightsController;
import dev.flywheel.backend.http.errors.JsonBodies;
import dev.flywheel.backend.http.labelstudio.LabelStudioController;
import dev.flywheel.backend.http.labelstudio.LegacyController;
import dev.flywheel.backend.image.FetchLimits;
import dev.flywheel.backend.image.ImageCache;
import dev.flywheel.backend.image.ImageFetcher;
import dev.flywheel.backend.image.LabelStudioConnectionResolver;
import dev.flywheel.backend.image.ProjectImages;
import dev.flywheel.backend.inference.ActiveModels;
import dev.flywheel.backend.inference.Backbone;
import dev.flywheel.backend.inference.EngineInfo;
import dev.flywheel.backend.inference.UserDetector;
import dev.flywheel.backend.insights.DatasetInsights;
import dev.flywheel.backend.insights.DriftInsights;
import dev.flywheel.backend.insights.ModelInsights;
import dev.flywheel.backend.insights.RunInsights;
import dev.flywheel.backend.insights.TaskImages;
import dev.flywheel.backend.labelconfig.LabelConfigCache;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import dev.flywheel.backend.labelstudio.Backoff;
import dev.flywheel.backend.labelstudio.LabelStudioBackfill;
import dev.flywheel.backend.labelstudio.LabelStudioClient;
import dev.flywheel.backend.os.NativeMemory;
import dev.flywheel.backend.os.WorkerThreads;
import dev.flywheel.backend.prelabel.BoxPolicy;
import dev.flywheel.backend.prelabel.BoxRegions;
import dev.flywheel.backend.prelabel.DetectionPrelabels;
import dev.flywheel.backend.prelabel.PrelabelService;
import dev.flywheel.backend.project.ProjectConnection;
import dev.flywheel.backend.project.ProjectService;
import dev.flywheel.backend.project.ProjectSettings;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.backend.store.TrainingRun;
import dev.flywheel.backend.training.CrossValidationAudit;
import dev.flywheel.backend.training.DetectorAudit;
import dev.flywheel.backend.training.DatasetAssembler;
import dev.flywheel.backend.training.EmbeddingCache;
import dev.flywheel.backend.training.HeadTraining;
import dev.flywheel.backend.training.ImagePrefetch;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingQueue;
import dev.flywheel.backend.training.TrainingRunner;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.model.json.FlywheelJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running backend: every collaborator built with {@code new} from a configuration, started, and closed in reverse
 * order. {@link Main} runs one; integration tests start the same thing on a free port.
 */
public final class Backend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    private static final TrainingTrigger SILENT = new TrainingTrigger() {
        @Override
        public void annotationsChanged(long project) {}

        @Override
        public void trainNow(long project) {}
    };

    private final List<AutoCloseable> owned;
    private final FlywheelServer server;

    private Backend(FlywheelServer server, List<AutoCloseable> owned) {
        this.server = server;
        this.owned = owned;
    }

    /** Builds and starts everything the configuration describes. */
    public static Backend start(BackendConfig config, TrainingSettings trainingSettings, TrainingPolicy policy) {
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            return start(config, trainingSettings, policy, owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    private static Backend start(BackendConfig config, TrainingSettings trainingSettings, TrainingPolicy policy, List<AutoCloseable> owned) {
        ObjectMapper mapper = FlywheelJson.newMapper();
        Clock clock = Clock.systemUTC();
        createHome(config);
        EngineInfo engine = EngineInfo.loadPyTorch();
        Optional<Backbone> backbone = config.backbone().map(b -> {
            Backbone loaded = loadBackbone(b);
            owned.add(loaded);
            return loaded;
        });

        SqliteStore store = SqliteStore.openInHome(config.home(), clock);
        owned.add(store);
        List<TrainingRun> interrupted = store.runs().failInterrupted("the backend stopped during this run");
        ModelRegistry registry = new ModelRegistry(config.home().resolve("models"), mapper);
        int leftovers = registry.removeStagingLeftovers();
        // A run stopped after its folder was renamed into place but before the store recorded it ready published a
        // version nothing else knows about; the active version never moved to it.
        long unrecorded = interrupted.stream().filter(run -> registry.removeUnrecorded(run.projectId(), run.version())).count();
        if (!interrupted.isEmpty() || leftovers > 0) {
            LOG.warn("recovered from an interrupted run: {} run(s) marked failed, {} partial and {} unrecorded folder(s) removed",
                    interrupted.size(), leftovers, unrecorded);
        }

        LabelConfigCache configs = new LabelConfigCache(new LabelConfigParser());
        ProjectService projects = new ProjectService(store, configs);
        ImageFetcher fetcher = ImageFetcher.create(FetchLimits.defaults(), config.localFilesRoot(), ImageCache.defaultDirectory(config.home()));
        owned.add(fetcher);
        LabelStudioConnectionResolver connections = LabelStudioConnectionResolver.from(config);
        ProjectImages images = new ProjectImages(fetcher, connections, projects);
        // Fetching decodes images, for predictions and for training: heavy work that must not delay a request thread.
        ExecutorService fetchExecutor = Executors.newFixedThreadPool(8, WorkerThreads.named("flywheel-fetch", WorkerThreads.INTERACTIVE_NICE));
        owned.add(fetchExecutor::shutdownNow);

        ActiveModels models = new ActiveModels(registry, store.runs()::activeVersion, 2, backbone);
        owned.add(models);
        DatasetAssembler assembler = new DatasetAssembler(images, fetchExecutor);
        Optional<HeadTraining> heads = backbone.map(b -> new HeadTraining(b, new EmbeddingCache(config.home().resolve("embeddings"), b.embeddingKey()),
                assembler, trainingSettings, registry, new DriftReferences(registry, mapper), clock));
        TrainingRunner runner = new TrainingRunner(store, registry, assembler, policy, trainingSettings, mapper, clock, heads);
        // The backfill stores through an intake of its own that signals nothing: the queue decides what follows it.
        AnnotationIntake backfillIntake = new AnnotationIntake(store, projects, configs, SILENT, mapper, clock);
        LabelStudioBackfill backfill = new LabelStudioBackfill(
                new LabelStudioClient(fetcher.labelStudioRequests(), mapper, Backoff.defaults()), connections, projects, backfillIntake);
        AuditFiles audits = new AuditFiles(config.home().resolve("audits"), mapper);
        DatasetInsights datasets = new DatasetInsights(store, registry, audits, mapper);
        int folds = config.auditFolds();
        CrossValidationAudit audit = folds == 0 ? null : new CrossValidationAudit(store, assembler, trainingSettings, audits, folds, heads);
        DetectorAudit detectorAudit = folds == 0 ? null : new DetectorAudit(store, assembler, trainingSettings, audits, folds, mapper);
        TrainingQueue queue = new TrainingQueue(runner, backfill, (published, cancelled) -> {
            // Issues first from the new version's hold-out predictions, then again from the audit covering every task.
            datasets.refresh(published.project());
            if (folds == 0) {
                return;
            }
            if (published.isDetector()) {
                detectorAudit.run(published, cancelled);
            } else {
                audit.run(published, cancelled);
            }
            datasets.refresh(published.project());
        }, WorkerThreads.named("flywheel-training", WorkerThreads.BACKGROUND_NICE), NativeMemory::trim);
        owned.add(queue);
        // A backbone's runs read its embedding cache, not the assembler's images: nothing to prepare for them.
        Optional<ImagePrefetch> prefetch = heads.isPresent() ? Optional.empty()
                : Optional.of(new ImagePrefetch(store, assembler, trainingSettings.inputSize(),
                        WorkerThreads.named("flywheel-prefetch", WorkerThreads.BACKGROUND_NICE)));
        prefetch.ifPresent(owned::add);
        TrainingTrigger trigger = new TrainingTrigger() {
            @Override
            public void projectSeen(long project) {
                queue.projectSeen(project);
            }

            @Override
            public void annotationsChanged(long project) {
                prefetch.ifPresent(p -> p.annotationsChanged(project));
                queue.annotationsChanged(project);
            }

            @Override
            public void trainNow(long project) {
                queue.trainNow(project);
            }
        };
        AnnotationIntake intake = new AnnotationIntake(store, projects, configs, trigger, mapper, clock);

        // Two predict workers and a short queue: beyond that Label Studio gets a 503 with Retry-After, not a stall.
        ThreadPoolExecutor predictExecutor = new ThreadPoolExecutor(
                2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), WorkerThreads.named("flywheel-predict", WorkerThreads.INTERACTIVE_NICE),
                new ThreadPoolExecutor.AbortPolicy());
        owned.add(predictExecutor::shutdownNow);
        Optional<DetectionPrelabels> detection = config.detector().map(d -> {
            UserDetector detector = UserDetector.load(d.model(), d.names(), d.inputSize(), 2);
            owned.add(detector);
            LOG.info("detection projects are pre-labelled by {} ({} classes)", detector.version(), detector.classes().size());
            BoxRegions boxes = new BoxRegions(new BoxPolicy(d.scoreThreshold(), d.iouThreshold()));
            return new DetectionPrelabels(detector, boxes, images, fetchExecutor, store.predictions(), mapper, clock);
        });
        PrelabelService prelabel = new PrelabelService(models, images, fetchExecutor, store.predictions(), store.samples(), mapper, clock, detection);
        JsonBodies bodies = new JsonBodies(mapper);
        ModelInsights insights = new ModelInsights(store, registry, queue);
        InsightsController api = new InsightsController(insights, datasets, new RunInsights(store, registry),
                new TaskImages(store, images), new DriftInsights(store, new DriftReferences(registry, mapper)));
        FlywheelServer server = new FlywheelServer(mapper, config.basicAuth(), List.of(
                new HealthController(engine.toString()),
                new LabelStudioController(bodies, configs, announcing(projects, queue), prelabel, intake, predictExecutor)::register,
                new LegacyController(bodies, registry, intake)::register,
                api::register));
        owned.add(server);
        server.start(config.host(), config.port());
        return new Backend(server, owned);
    }

    /**
     * Loads and probes {@code FLYWHEEL_BACKBONE} at start, so a file that is no TorchScript backbone stops the backend
     * with the variable to fix instead of failing every training run. Three predictors: the training worker and the two
     * predict workers embed at the same time.
     */
    private static Backbone loadBackbone(BackboneConfig config) {
        try {
            Backbone backbone = Backbone.load(config.model(), config.inputSize(), config.mean(), config.std(), 3);
            LOG.info("classification projects train a head on the backbone {} (sha256 {}, {} features)", config.model().getFileName(),
                    backbone.sha256().substring(0, 12), backbone.dimension());
            return backbone;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("FLYWHEEL_BACKBONE", e.getMessage());
        }
    }

    /** Project settings that also tell the queue a project was seen, so {@code /setup} starts its first backfill. */
    private static ProjectSettings announcing(ProjectService projects, TrainingQueue queue) {
        return new ProjectSettings() {
            @Override
            public void remember(ProjectConnection connection) {
                projects.remember(connection);
                queue.projectSeen(connection.project());
            }

            @Override
            public Optional<ProjectConnection> find(long project) {
                return projects.find(project);
            }
        };
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> owned) {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", owned.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        owned.clear();
    }

    private static void createHome(BackendConfig config) {
        try {
            Files.createDirectories(config.home());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create FLYWHEEL_HOME " + config.home(), e);
        }
    }
}
