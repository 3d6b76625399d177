package dev.flywheel.backend.prelabeljob;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.image.LabelStudioConnection;
import dev.flywheel.backend.image.LabelStudioRequests;
import dev.flywheel.backend.os.WorkerThreads;
import dev.flywheel.backend.project.ProjectService;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongFunction;

/** Builds the job service against Label Studio, the same way for the server and for the command line. */
public final class PrelabelJobsWiring {

    private PrelabelJobsWiring() {}

    /**
     * The job service: jobs read and write Label Studio through {@code connections}, predict through {@code predictors},
     * and wait {@code retry}, doubling up to sixty times that, while Label Studio is down.
     */
    public static PrelabelJobs jobs(FlywheelStore store, LabelStudioRequests requests, LongFunction<Optional<LabelStudioConnection>> connections,
            ObjectMapper mapper, JobPredictors predictors, ModelRegistry registry, ProjectService projects, Duration retry) {
        Patience patience = new Patience(retry, retry.multipliedBy(60));
        LabelStudioRunners runners = new LabelStudioRunners(store.prelabelJobs(), requests, connections, mapper, predictors, patience);
        return new PrelabelJobs(store.prelabelJobs(), runners, store.runs()::activeVersion,
                (project, version) -> registry.manifest(project, version).isPresent(), projects::ensure,
                // Predictions someone waits for, as /predict's are: ahead of training, level with Label Studio's requests.
                WorkerThreads.named("flywheel-prelabel-job", WorkerThreads.INTERACTIVE_NICE));
    }
}
