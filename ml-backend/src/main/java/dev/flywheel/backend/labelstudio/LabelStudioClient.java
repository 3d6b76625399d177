package dev.flywheel.backend.labelstudio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.image.ImageFetchException;
import dev.flywheel.backend.image.LabelStudioConnection;
import dev.flywheel.backend.image.LabelStudioRequests;
import dev.flywheel.model.labelstudio.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a project's labelled tasks from Label Studio: the JSON export, or when that fails with an HTTP error, the
 * paged task list. Requests go through {@link LabelStudioRequests}, so the token is handled as for images.
 */
public final class LabelStudioClient {

    /** Exports hold every task and annotation of a project; 256 MiB is far beyond any project Flywheel trains on. */
    static final long MAX_EXPORT_BYTES = 256L * 1024 * 1024;
    static final int PAGE_SIZE = 100;
    /** Tasks handed on at a time while an export streams in. */
    static final int BATCH = 500;
    private static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;
    private static final int MAX_PAGES = 100_000;

    private final LabelStudioRequests requests;
    private final ObjectMapper mapper;
    private final Retrying retrying;

    public LabelStudioClient(LabelStudioRequests requests, ObjectMapper mapper, Backoff backoff) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.retrying = new Retrying(backoff);
    }

    /**
     * The project's tasks that have at least one annotation, with their annotations, collected in one list.
     *
     * @throws LabelStudioUnavailableException when neither the export nor the task list could be read
     */
    List<Task> labeledTasks(LabelStudioConnection labelStudio, long project) {
        List<Task> all = new ArrayList<>();
        labeledTasks(labelStudio, project, all::addAll);
        return all;
    }

    /**
     * Hands the project's labelled tasks to {@code batches}, at most {@link #BATCH} at a time, while the export arrives:
     * the export is parsed task by task from the stream, never held whole (nor as a tree). Answers how many were handed.
     * A retried export hands its tasks again, which the receiver must take as it takes a repeated webhook.
     *
     * @throws LabelStudioUnavailableException when neither the export nor the task list could be read
     */
    int labeledTasks(LabelStudioConnection labelStudio, long project, Consumer<List<Task>> batches) {
        try {
            return export(labelStudio, project, batches);
        } catch (LabelStudioUnavailableException exportFailed) {
            // Unreachable is unreachable for the task list too; an HTTP error (export disabled, old LS) may not be.
            if (!answered(exportFailed)) {
                throw exportFailed;
            }
            try {
                List<Task> tasks = labeled(taskList(labelStudio, project));
                for (int from = 0; from < tasks.size(); from += BATCH) {
                    batches.accept(tasks.subList(from, Math.min(tasks.size(), from + BATCH)));
                }
                return tasks.size();
            } catch (LabelStudioUnavailableException listFailed) {
                throw new LabelStudioUnavailableException(exportFailed.getMessage() + "; " + listFailed.getMessage(), listFailed);
            }
        }
    }

    private static List<Task> labeled(List<Task> tasks) {
        return tasks.stream().filter(t -> t.id() != null && !t.annotationsOrEmpty().isEmpty()).toList();
    }

    private int export(LabelStudioConnection labelStudio, long project, Consumer<List<Task>> batches) {
        String path = "/api/projects/" + project + "/export?exportType=JSON";
        String what = "the export of project " + project;
        return retrying.call(what, () -> requests.streamJson(labelStudio, path, MAX_EXPORT_BYTES, body -> {
            int[] handed = {0};
            try (JsonParser parser = mapper.createParser(body)) {
                ExportStream.read(parser, mapper, what, batch -> {
                    List<Task> labeled = labeled(batch);
                    handed[0] += labeled.size();
                    batches.accept(labeled);
                });
            }
            return handed[0];
        }));
    }

    private List<Task> taskList(LabelStudioConnection labelStudio, long project) {
        List<Task> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            String path = "/api/tasks?project=" + project + "&fields=all&page=" + page + "&page_size=" + PAGE_SIZE;
            String what = "page " + page + " of project " + project + "'s task list";
            JsonNode json;
            try {
                json = read(labelStudio, path, MAX_PAGE_BYTES, what);
            } catch (LabelStudioUnavailableException e) {
                // Label Studio answers 404 for a page past the end.
                if (page > 1 && e.getCause() instanceof ImageFetchException f && f.kind() == ImageFetchException.Kind.NOT_FOUND) {
                    break;
                }
                throw e;
            }
            // Newer Label Studio wraps the page as {"tasks": [...], "total": n}; older answers a bare list.
            JsonNode items = json.isArray() ? json : json.path("tasks");
            if (!items.isArray()) {
                throw new LabelStudioUnavailableException("Label Studio's answer for " + what + " has no task list", null);
            }
            all.addAll(tasks(items, what));
            long total = json.path("total").asLong(Long.MAX_VALUE);
            if (items.size() < PAGE_SIZE || all.size() >= total) {
                break;
            }
        }
        return all;
    }

    private JsonNode read(LabelStudioConnection labelStudio, String path, long maxBytes, String what) {
        byte[] body = retrying.call(what, () -> requests.getJson(labelStudio, path, maxBytes));
        return JsonAnswer.of(mapper, body)
                .orElseThrow(() -> new LabelStudioUnavailableException("Label Studio's answer for " + what + " is not JSON", null));
    }

    private List<Task> tasks(JsonNode items, String what) {
        List<Task> tasks = new ArrayList<>(items.size());
        int unreadable = 0;
        for (JsonNode item : items) {
            try {
                tasks.add(mapper.treeToValue(item, Task.class));
            } catch (IOException | IllegalArgumentException e) {
                // One odd task (a region type we cannot read, a negative number) must not cost all the others.
                unreadable++;
            }
        }
        if (unreadable > 0 && tasks.isEmpty()) {
            throw new LabelStudioUnavailableException("none of the " + unreadable + " tasks in " + what + " could be read", null);
        }
        return tasks;
    }

    private static boolean answered(LabelStudioUnavailableException e) {
        return !(e.getCause() instanceof ImageFetchException f) || f.httpStatus().isPresent();
    }
}
