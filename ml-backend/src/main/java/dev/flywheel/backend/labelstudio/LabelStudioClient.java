package dev.flywheel.backend.labelstudio;

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

/**
 * Reads a project's labelled tasks from Label Studio: the JSON export, or when that fails with an HTTP error, the
 * paged task list. Requests go through {@link LabelStudioRequests}, so the token is handled as for images.
 */
public final class LabelStudioClient {

    /** Exports hold every task and annotation of a project; 256 MiB is far beyond any project Flywheel trains on. */
    static final long MAX_EXPORT_BYTES = 256L * 1024 * 1024;
    static final int PAGE_SIZE = 100;
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
     * The project's tasks that have at least one annotation, with their annotations.
     *
     * @throws LabelStudioUnavailableException when neither the export nor the task list could be read
     */
    public List<Task> labeledTasks(LabelStudioConnection labelStudio, long project) {
        List<Task> tasks;
        try {
            tasks = export(labelStudio, project);
        } catch (LabelStudioUnavailableException exportFailed) {
            // Unreachable is unreachable for the task list too; an HTTP error (export disabled, old LS) may not be.
            if (!answered(exportFailed)) {
                throw exportFailed;
            }
            try {
                tasks = taskList(labelStudio, project);
            } catch (LabelStudioUnavailableException listFailed) {
                throw new LabelStudioUnavailableException(exportFailed.getMessage() + "; " + listFailed.getMessage(), listFailed);
            }
        }
        return tasks.stream().filter(t -> t.id() != null && !t.annotationsOrEmpty().isEmpty()).toList();
    }

    private List<Task> export(LabelStudioConnection labelStudio, long project) {
        String path = "/api/projects/" + project + "/export?exportType=JSON";
        JsonNode json = read(labelStudio, path, MAX_EXPORT_BYTES, "the export of project " + project);
        if (!json.isArray()) {
            throw new LabelStudioUnavailableException("Label Studio's export of project " + project + " is not a JSON list of tasks", null);
        }
        return tasks(json, "the export of project " + project);
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
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null) {
                throw new IOException("empty body");
            }
            return json;
        } catch (IOException e) {
            throw new LabelStudioUnavailableException("Label Studio's answer for " + what + " is not JSON", null);
        }
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
