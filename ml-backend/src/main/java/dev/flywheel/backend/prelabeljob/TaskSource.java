package dev.flywheel.backend.prelabeljob;

import dev.flywheel.model.labelstudio.Task;
import java.util.List;

/** Where a job reads a project's label config and its tasks, a page at a time in a stable order. */
interface TaskSource {

    /**
     * The project's label config.
     *
     * @throws LabelStudioDownException when it cannot be read now but may be later
     * @throws JobFailedException when it cannot be read at all (refused token, unknown project)
     */
    String labelConfig(long project);

    /**
     * Page {@code page} (1-based) of the project's tasks, with their annotations and predictions.
     *
     * @throws LabelStudioDownException when it cannot be read now but may be later
     * @throws JobFailedException when it cannot be read at all
     */
    TaskPage page(long project, int page);

    /**
     * One page of tasks.
     *
     * @param tasks the tasks that could be read, in the source's order
     * @param unreadable ids of tasks on the page that could not be read (they fail)
     * @param total the project's tasks as the source counts them, or -1 when it does not say
     * @param last whether no page follows
     */
    record TaskPage(List<Task> tasks, List<Long> unreadable, long total, boolean last) {

        public TaskPage {
            tasks = List.copyOf(tasks);
            unreadable = List.copyOf(unreadable);
        }
    }
}
