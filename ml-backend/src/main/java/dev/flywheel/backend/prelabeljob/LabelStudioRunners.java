package dev.flywheel.backend.prelabeljob;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.image.LabelStudioConnection;
import dev.flywheel.backend.image.LabelStudioRequests;
import dev.flywheel.backend.store.PrelabelJobStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Builds a project's job runner against Label Studio: its task list as the source and its prediction import as the
 * sink, both through the connection the resolver picks for the project (so the key goes to {@code LABEL_STUDIO_URL} only).
 */
final class LabelStudioRunners implements LongFunction<PrelabelJobRunner> {

    private final PrelabelJobStore store;
    private final LabelStudioRequests requests;
    private final LongFunction<Optional<LabelStudioConnection>> connections;
    private final ObjectMapper mapper;
    private final JobPredictors predictors;
    private final Patience patience;

    /** @param connections the Label Studio connection of a project, empty when no URL is known */
    public LabelStudioRunners(PrelabelJobStore store, LabelStudioRequests requests, LongFunction<Optional<LabelStudioConnection>> connections,
            ObjectMapper mapper, JobPredictors predictors, Patience patience) {
        this.store = Objects.requireNonNull(store, "store");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.predictors = Objects.requireNonNull(predictors, "predictors");
        this.patience = Objects.requireNonNull(patience, "patience");
    }

    /** @throws JobFailedException when Label Studio's URL is not known for the project */
    @Override
    public PrelabelJobRunner apply(long project) {
        LabelStudioConnection labelStudio = connections.apply(project).orElseThrow(() -> new JobFailedException(
                "Label Studio's URL is unknown: set LABEL_STUDIO_URL (and LABEL_STUDIO_API_KEY) or connect the backend from Label Studio"));
        LabelStudioCalls calls = new LabelStudioCalls(requests, labelStudio, mapper);
        return new PrelabelJobRunner(store, new LabelStudioTaskSource(calls), predictors, new LabelStudioPredictionSink(calls), patience);
    }
}
