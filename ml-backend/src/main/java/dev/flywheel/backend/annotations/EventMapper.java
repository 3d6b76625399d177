package dev.flywheel.backend.annotations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.kind.ServedConfig;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.store.Annotation;
import dev.flywheel.backend.store.Task;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.UserRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Maps Label Studio's wire records to the store's rows, using the label config to find the labels that count. */
final class EventMapper {

    private final ObjectMapper mapper;
    private final java.time.Clock clock;

    EventMapper(ObjectMapper mapper, java.time.Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    Task task(long project, dev.flywheel.model.labelstudio.Task task, ServedConfig config) {
        Optional<String> imageRef = config.target()
                .map(t -> task.data() == null ? null : task.data().get(t.image().dataKey()))
                .filter(String.class::isInstance)
                .map(String.class::cast);
        Instant created = parse(task.createdAt()).orElse(clock.instant());
        return new Task(project, task.id(), json(task.data() == null ? java.util.Map.of() : task.data()), imageRef, created, false);
    }

    Annotation annotation(long project, long taskId, dev.flywheel.model.labelstudio.Annotation annotation, ServedConfig config) {
        List<Region> result = annotation.resultOrEmpty();
        return new Annotation(
                project,
                annotation.id(),
                taskId,
                Optional.ofNullable(annotation.completedBy()).map(u -> u.id()),
                parse(annotation.createdAt()),
                parse(annotation.updatedAt()),
                Optional.ofNullable(annotation.leadTime()),
                json(result),
                labels(result, config),
                annotation.skipped(),
                Boolean.TRUE.equals(annotation.groundTruth()));
    }

    /**
     * The name Label Studio gave for the annotation's author, when it gave one beside the id: the user object's full
     * name or e-mail ({@code completed_by} as an object), a bare name sent instead of the id, or the
     * {@code created_username} ("ann@example.com, 1") Label Studio's annotation serializer adds to a bare id.
     */
    static Optional<String> annotatorName(dev.flywheel.model.labelstudio.Annotation annotation) {
        UserRef user = annotation.completedBy();
        if (user == null || user.id() == null) {
            return Optional.empty();
        }
        if (user.details() != null) {
            String full = (text(user.details().get("first_name")) + " " + text(user.details().get("last_name"))).strip();
            if (!full.isEmpty()) {
                return Optional.of(full);
            }
        }
        Optional<String> named = user.name().filter(n -> !n.equals(Long.toString(user.id())));
        if (named.isPresent()) {
            return named;
        }
        // "<e-mail or user name>, <id>": trusted only when the id is the annotation's own
        String suffix = ", " + user.id();
        return Optional.ofNullable(annotation.extra().get("created_username")).map(EventMapper::text).map(String::strip)
                .filter(u -> u.endsWith(suffix)).map(u -> u.substring(0, u.length() - suffix.length()).strip()).filter(n -> !n.isEmpty());
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    /** The labels of the served control's regions; one per region, so boxes count once each. */
    static List<String> labels(List<Region> result, ServedConfig config) {
        Optional<ServingTarget> target = config.target();
        return result.stream()
                .filter(r -> target.isEmpty() || target.get().control().name().equals(r.fromName()))
                .flatMap(r -> r.labels().stream())
                .toList();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON for the store", e);
        }
    }

    private static Optional<Instant> parse(String time) {
        if (time == null || time.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.LocalDateTime.parse(time).toInstant(java.time.ZoneOffset.UTC));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
