package dev.flywheel.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.config.ConfigException;
import dev.flywheel.backend.image.FetchLimits;
import dev.flywheel.backend.image.ImageCache;
import dev.flywheel.backend.image.ImageFetcher;
import dev.flywheel.backend.image.LabelStudioConnection;
import dev.flywheel.backend.image.LabelStudioConnectionResolver;
import dev.flywheel.backend.image.ProjectImages;
import dev.flywheel.backend.inference.Backbone;
import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.ServedConfigs;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import dev.flywheel.backend.os.WorkerThreads;
import dev.flywheel.backend.prelabel.PrelabelService;
import dev.flywheel.backend.prelabeljob.PrelabelJobs;
import dev.flywheel.backend.prelabeljob.PrelabelJobsWiring;
import dev.flywheel.backend.prelabeljob.VersionPredictors;
import dev.flywheel.backend.project.ProjectService;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.backend.training.DatasetAssembler;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.model.api.PrelabelJobReply;
import dev.flywheel.model.api.PrelabelJobRequest;
import dev.flywheel.model.api.PrelabelJobState;
import dev.flywheel.model.api.PrelabelJobStatus;
import dev.flywheel.model.json.FlywheelJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar flywheel-ml-backend.jar prelabel --project 7 [--version V] [--include-labeled]}: runs one pre-label
 * job without the server, against {@code LABEL_STUDIO_URL} with {@code LABEL_STUDIO_API_KEY}, on the models and store in
 * {@code FLYWHEEL_HOME}; run again after a kill, it goes on with the same job. Prints the final status as JSON and exits
 * 0 when done, 1 when the job failed, 2 on a usage or configuration error.
 */
final class PrelabelCommand {

    private static final Logger LOG = LoggerFactory.getLogger(PrelabelCommand.class);
    private static final long PROGRESS_EVERY_MS = 5_000;

    private PrelabelCommand() {}

    static int run(List<String> args, BackendConfig config, TrainingSettings training) throws InterruptedException {
        Optional<Request> request = Request.parse(args);
        if (request.isEmpty()) {
            LOG.error("usage: prelabel --project <id> [--version <version>] [--include-labeled]");
            return 2;
        }
        LabelStudioConnectionResolver connections = LabelStudioConnectionResolver.from(config);
        Optional<LabelStudioConnection> labelStudio = connections.configured();
        if (labelStudio.isEmpty()) {
            throw new ConfigException("LABEL_STUDIO_URL", "the prelabel command needs Label Studio's URL (and LABEL_STUDIO_API_KEY)");
        }
        List<AutoCloseable> owned = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Backend.closeAll(owned), "flywheel-prelabel-shutdown"));
        PrelabelJobs jobs = jobs(config, training, labelStudio.get(), owned);
        long project = request.get().project();
        PrelabelJobReply reply = jobs.resumeOrStart(project, request.get().body());
        PrelabelJobStatus status = jobs.status(project, reply.job());
        long lastLog = 0;
        while (!status.status().finished()) {
            Thread.sleep(200);
            status = jobs.status(project, reply.job());
            if (System.currentTimeMillis() - lastLog > PROGRESS_EVERY_MS) {
                lastLog = System.currentTimeMillis();
                LOG.info("pre-label {}: {}/{} predicted, {} skipped, {} failed, {} images/s, ETA {} s{}", reply.job(), status.done(),
                        status.total(), status.skipped(), status.failed(), String.format(Locale.ROOT, "%.1f", status.imagesPerSecond()),
                        status.etaSeconds() == null ? "?" : Math.round(status.etaSeconds()), status.error() == null ? "" : " - " + status.error());
            }
        }
        try {
            System.out.println(FlywheelJson.newMapper().writeValueAsString(status));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return status.status() == PrelabelJobState.DONE ? 0 : 1;
    }

    /** The job service over the home's store and models, as the server builds it, without the server. */
    private static PrelabelJobs jobs(BackendConfig config, TrainingSettings training, LabelStudioConnection labelStudio,
            List<AutoCloseable> owned) {
        ObjectMapper mapper = FlywheelJson.newMapper();
        Clock clock = Clock.systemUTC();
        Backend.createHome(config);
        Optional<Backbone> backbone = config.backbone().map(b -> Backend.own(owned, Backend.loadBackbone(b)));
        SqliteStore store = Backend.own(owned, SqliteStore.openInHome(config.home(), clock));
        ModelRegistry registry = new ModelRegistry(config.home().resolve("models"), mapper);
        ImageFetcher fetcher = Backend.own(owned, ImageFetcher.create(FetchLimits.defaults(), config.localFilesRoot(),
                ImageCache.defaultDirectory(config.home())));
        LabelStudioConnectionResolver connections = LabelStudioConnectionResolver.from(config);
        Backend.LateProjects late = new Backend.LateProjects();
        ProjectImages images = new ProjectImages(fetcher, connections, late);
        ExecutorService fetchExecutor = Executors.newFixedThreadPool(8, WorkerThreads.named("flywheel-fetch", WorkerThreads.INTERACTIVE_NICE));
        owned.add(fetchExecutor::shutdownNow);
        TaskKinds kinds = ServedKinds.build(new ServedKinds.Parts(config.home(), store, registry, new DatasetAssembler(images, fetchExecutor),
                new AuditFiles(config.home().resolve("audits"), mapper), training, mapper, clock, config.auditFolds(), backbone,
                config.detector()), owned);
        ServedConfigs configs = new ServedConfigs(new LabelConfigParser(), kinds);
        ProjectService projects = new ProjectService(store, configs);
        late.projects = projects;
        ActiveVersions active = Backend.own(owned, new ActiveVersions(kinds, registry, store.runs()::activeVersion));
        PrelabelService prelabel = new PrelabelService(active, images, fetchExecutor, store.predictions(), store.samples(), mapper, clock);
        return Backend.own(owned, PrelabelJobsWiring.jobs(store, fetcher.labelStudioRequests(), project -> Optional.of(labelStudio), mapper,
                new VersionPredictors(active, registry, configs, prelabel), registry, projects, config.prelabelRetry()));
    }

    /** The command's arguments. */
    private record Request(long project, PrelabelJobRequest body) {

        static Optional<Request> parse(List<String> args) {
            Long project = null;
            String version = null;
            boolean includeLabeled = false;
            for (int i = 1; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--project" -> project = i + 1 < args.size() && args.get(i + 1).matches("\\d{1,18}") ? Long.parseLong(args.get(++i)) : null;
                    case "--version" -> version = i + 1 < args.size() ? args.get(++i) : null;
                    case "--include-labeled" -> includeLabeled = true;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return project == null ? Optional.empty() : Optional.of(new Request(project, new PrelabelJobRequest(version, !includeLabeled)));
        }
    }
}
