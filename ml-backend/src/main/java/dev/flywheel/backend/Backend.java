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
import dev.flywheel.backend.http.api.PrelabelJobController;
import dev.flywheel.backend.http.errors.JsonBodies;
import dev.flywheel.backend.http.errors.RequestOriginGuard;
import dev.flywheel.backend.http.labelstudio.LabelStudioController;
import dev.flywheel.backend.http.labelstudio.LegacyController;
import dev.flywheel.backend.image.FetchLimits;
import dev.flywheel.backend.image.ImageCache;
import dev.flywheel.backend.image.ImageFetcher;
import dev.flywheel.backend.image.LabelStudioConnectionResolver;
import dev.flywheel.backend.image.ProjectImages;
import dev.flywheel.backend.inference.Backbone;
import dev.flywheel.backend.inference.EngineInfo;
import dev.flywheel.backend.insights.DatasetInsights;
import dev.flywheel.backend.insights.DriftInsights;
import dev.flywheel.backend.insights.ModelInsights;
import dev.flywheel.backend.insights.RunInsights;
import dev.flywheel.backend.insights.TaskImages;
import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.ServedConfigs;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import dev.flywheel.backend.labelstudio.Backoff;
import dev.flywheel.backend.labelstudio.ConnectionCheck;
import dev.flywheel.backend.labelstudio.LabelStudioBackfill;
import dev.flywheel.backend.labelstudio.LabelStudioClient;
import dev.flywheel.backend.os.HomeLock;
import dev.flywheel.backend.os.NativeMemory;
import dev.flywheel.backend.os.WorkerThreads;
import dev.flywheel.backend.prelabel.PrelabelService;
import dev.flywheel.backend.prelabeljob.PrelabelJobs;
import dev.flywheel.backend.prelabeljob.PrelabelJobsWiring;
import dev.flywheel.backend.prelabeljob.VersionPredictors;
import dev.flywheel.backend.project.ForwardingProjectSettings;
import dev.flywheel.backend.project.ProjectService;
import dev.flywheel.backend.project.ProjectSettings;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.replica.ReplicaCoordinator;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.PostgresStore;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.backend.store.TrainerLease;
import dev.flywheel.backend.training.DatasetAssembler;
import dev.flywheel.backend.training.ImagePrefetch;
import dev.flywheel.backend.training.RunProgressBoard;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingQueue;
import dev.flywheel.backend.training.TrainingRunner;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.backend.workflow.OnAnnotation;
import dev.flywheel.backend.workflow.OnPublished;
import dev.flywheel.backend.workflow.OnSetup;
import dev.flywheel.backend.workflow.StartupRecovery;
import dev.flywheel.backend.workflow.StoredVersionHistory;
import dev.flywheel.model.json.FlywheelJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running backend: every collaborator built with {@code new} from a configuration, started, and closed in reverse
 * order. {@link Main} runs one; integration tests start the same thing on a free port. It only wires: what happens
 * when is in {@code workflow}, what differs by task kind in {@link ServedKinds}' kinds.
 */
public final class Backend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

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
        // First: on SQLite a second process on this home must stop before it opens the database or touches a model folder.
        // Replicas on PostgreSQL share the home by design: the trainer lease keeps all but one from writing versions.
        if (config.database().isEmpty()) {
            own(owned, HomeLock.acquire(config.home()));
        }
        EngineInfo engine = EngineInfo.loadPyTorch();
        Optional<Backbone> backbone = config.backbone().map(b -> own(owned, loadBackbone(b)));
        // PostgreSQL when the operator names a server (replicas share it and one lease), else the SQLite file in the home.
        FlywheelStore store;
        TrainerLease lease;
        if (config.database().isPresent()) {
            PostgresStore postgres = own(owned, PostgresStore.open(config.database().get(), clock));
            store = postgres;
            lease = own(owned, postgres.trainerLease());
        } else {
            store = own(owned, SqliteStore.openInHome(config.home(), clock));
            lease = TrainerLease.solo();
        }
        ModelRegistry registry = new ModelRegistry(config.home().resolve("models"), mapper);
        StartupRecovery recovery = new StartupRecovery(store.runs(), registry);
        if (lease.tryAcquire()) {
            recovery.recover(); // only the trainer: another replica's running run is not interrupted
            LOG.info(config.database().isPresent() ? "this replica holds the trainer lease: it runs every due training run" : "training here");
        }

        ImageFetcher fetcher = own(owned, ImageFetcher.create(FetchLimits.defaults(), config.localFilesRoot(),
                ImageCache.defaultDirectory(config.home())));
        LabelStudioConnectionResolver connections = LabelStudioConnectionResolver.from(config);
        // Images need each project's connection, the projects the kinds (to read label configs), and the kinds the
        // images (to train): the images get the projects once they exist.
        LateProjects late = new LateProjects();
        ProjectImages images = new ProjectImages(fetcher, connections, late);
        // Fetching decodes images, for predictions and for training: heavy work that must not delay a request thread.
        WorkPools pools = own(owned, new WorkPools());
        AuditFiles audits = new AuditFiles(config.home().resolve("audits"), mapper);
        TaskKinds kinds = ServedKinds.build(new ServedKinds.Parts(config.home(), store, registry, new DatasetAssembler(images, pools.assembly, pools.prefetch),
                audits, trainingSettings, mapper, clock, config.auditFolds(), backbone, config.detector()), owned);
        ServedConfigs configs = new ServedConfigs(new LabelConfigParser(), kinds);
        ProjectService projects = new ProjectService(store, configs);
        late.projects = projects;
        ActiveVersions active = own(owned, new ActiveVersions(kinds, registry, store.runs()::activeVersion, new StoredVersionHistory(store.runs())));

        LabelStudioBackfill backfill = new LabelStudioBackfill(new LabelStudioClient(fetcher.labelStudioRequests(), mapper, Backoff.defaults()),
                connections, projects, new AnnotationIntake(store, projects, configs, TrainingTrigger.NONE, mapper, clock));
        DatasetInsights datasets = new DatasetInsights(store, registry, kinds, mapper, audits, config.auditFolds());
        RunProgressBoard progress = new RunProgressBoard();
        TrainingQueue queue = own(owned, new TrainingQueue(new TrainingRunner(store, registry, kinds, policy, mapper, active, progress), backfill,
                new OnPublished(datasets::refresh, kinds, audits),
                WorkerThreads.named("flywheel-training", WorkerThreads.BACKGROUND_NICE),
                WorkerThreads.named("flywheel-policy", WorkerThreads.INTERACTIVE_NICE), NativeMemory::trim, lease::held));
        if (config.database().isPresent()) {
            own(owned, new ReplicaCoordinator(store, lease, ReplicaCoordinator.Hooks.of(active::sync, () -> recovery.recover(),
                    queue::annotationsChanged), WorkerThreads.named("flywheel-replica", WorkerThreads.INTERACTIVE_NICE))).start(ReplicaCoordinator.DEFAULT_PERIOD);
        }
        ImagePrefetch prefetch = own(owned, new ImagePrefetch(store, kinds, WorkerThreads.named("flywheel-prefetch",
                WorkerThreads.BACKGROUND_NICE)));
        OnAnnotation onAnnotation = new OnAnnotation(queue, prefetch::annotationsChanged);
        AnnotationIntake intake = new AnnotationIntake(store, projects, configs, onAnnotation, mapper, clock);

        // Two predict workers and a short queue: beyond that Label Studio gets a 503 with Retry-After, not a stall.
        ThreadPoolExecutor predictExecutor = pools.predict;
        ExecutorService checkExecutor = Executors.newVirtualThreadPerTaskExecutor();
        owned.add(checkExecutor::shutdownNow);
        // Two seconds: Label Studio gives /setup three in all.
        ConnectionCheck connectionCheck = new ConnectionCheck(fetcher.labelStudioRequests(), connections, mapper, checkExecutor,
                Duration.ofSeconds(2), clock);
        PrelabelService prelabel = new PrelabelService(active, images, pools.predictFetch, store.predictions(), store.samples(), mapper, clock);
        JsonBodies bodies = new JsonBodies(mapper);
        PrelabelJobs prelabelJobs = own(owned, PrelabelJobsWiring.jobs(store, fetcher.labelStudioRequests(),
                project -> connections.resolve(projects.find(project)), mapper, new VersionPredictors(active, registry, configs, prelabel.fetchingOn(pools.jobFetch)),
                registry, projects, config.prelabelRetry()));
        InsightsController api = new InsightsController(new ModelInsights(store, registry, onAnnotation, active, progress), datasets,
                new RunInsights(store, registry, kinds, mapper), new TaskImages(store, images),
                new DriftInsights(store, new DriftReferences(registry, mapper)));
        FlywheelServer server = own(owned, new FlywheelServer(mapper, config.basicAuth(),
                new RequestOriginGuard(config.loopbackOnly(), config.allowedHosts()), List.of(
                new HealthController(engine.toString(), config.basicAuth().isPresent()),
                new LabelStudioController(bodies, configs, new OnSetup(projects, queue::projectSeen), prelabel, intake, predictExecutor,
                        connectionCheck)::register,
                new LegacyController(bodies, registry, intake)::register,
                api::register, new PrelabelJobController(bodies, prelabelJobs)::register)));
        server.start(config.host(), config.port());
        prelabelJobs.resume();
        // Said at start, in the log, rather than as the first image that fails; off the start thread, which it need not hold.
        checkExecutor.execute(connectionCheck::problemWithConfigured);
        return new Backend(server, owned);
    }

    /**
     * Loads and probes {@code FLYWHEEL_BACKBONE} at start, so a file that is no TorchScript backbone stops the backend
     * with the variable to fix instead of failing every training run. Three predictors: the training worker and the two
     * predict workers embed at the same time.
     */
    static Backbone loadBackbone(BackboneConfig config) {
        try {
            Backbone backbone = Backbone.load(config.model(), config.inputSize(), config.mean(), config.std(), 3);
            LOG.info("classification projects train a head on the backbone {} (sha256 {}, {} features)", config.model().getFileName(),
                    backbone.sha256().substring(0, 12), backbone.dimension());
            return backbone;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("FLYWHEEL_BACKBONE", e.getMessage());
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        closeAll(owned);
    }

    static <T extends AutoCloseable> T own(List<AutoCloseable> owned, T closeable) {
        owned.add(closeable);
        return closeable;
    }

    static void closeAll(List<AutoCloseable> owned) {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", owned.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        owned.clear();
    }

    static void createHome(BackendConfig config) {
        try {
            Files.createDirectories(config.home());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create FLYWHEEL_HOME " + config.home(), e);
        }
    }

    /** The project settings, handed to the images before they exist. */
    static final class LateProjects extends ForwardingProjectSettings {

        volatile ProjectSettings projects;

        @Override
        protected ProjectSettings delegate() {
            return projects;
        }
    }
}
