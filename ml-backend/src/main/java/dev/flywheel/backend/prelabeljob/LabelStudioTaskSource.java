package dev.flywheel.backend.prelabeljob;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.backend.image.ImageFetchException;
import dev.flywheel.model.labelstudio.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's tasks from Label Studio's task list ({@code GET /api/tasks?project=&page=&page_size=&fields=all}), which
 * answers {@code {"tasks": [...], "total": n}} (older versions a bare list) in id order, and 404 past the last page.
 * {@code fields=all} brings each task's annotations and predictions, which say whether a task is labelled or already
 * predicted by the job's version.
 */
final class LabelStudioTaskSource implements TaskSource {

    static final int PAGE_SIZE = 100;

    private final LabelStudioCalls calls;

    LabelStudioTaskSource(LabelStudioCalls calls) {
        this.calls = calls;
    }

    @Override
    public String labelConfig(long project) {
        JsonNode json = calls.get("/api/projects/" + project, "reading project " + project);
        JsonNode config = json.path("label_config");
        if (!config.isTextual() || config.asText().isBlank()) {
            throw new JobFailedException("Label Studio's project " + project + " has no label config");
        }
        return config.asText();
    }

    @Override
    public TaskPage page(long project, int page) {
        String what = "reading page " + page + " of project " + project + "'s tasks";
        JsonNode json;
        try {
            json = calls.get("/api/tasks?project=" + project + "&page=" + page + "&page_size=" + PAGE_SIZE + "&fields=all", what);
        } catch (JobFailedException e) {
            if (page > 1 && e.getCause() instanceof ImageFetchException f && f.kind() == ImageFetchException.Kind.NOT_FOUND) {
                return new TaskPage(List.of(), List.of(), -1, true);
            }
            throw e;
        }
        JsonNode items = json.isArray() ? json : json.path("tasks");
        if (!items.isArray()) {
            throw new LabelStudioDownException("Label Studio's answer to " + what + " has no task list", null);
        }
        List<Task> tasks = new ArrayList<>(items.size());
        List<Long> unreadable = new ArrayList<>();
        for (JsonNode item : items) {
            try {
                tasks.add(calls.mapper().treeToValue(item, Task.class));
            } catch (IOException | IllegalArgumentException e) {
                // One odd task (a region type Flywheel cannot read) fails alone, when it has an id to fail by.
                if (item.path("id").canConvertToLong()) {
                    unreadable.add(item.path("id").asLong());
                }
            }
        }
        long total = json.path("total").asLong(-1);
        boolean last = items.size() < PAGE_SIZE || total >= 0 && (long) page * PAGE_SIZE >= total;
        return new TaskPage(tasks, unreadable, total, last);
    }
}
