package dev.flywheel.backend.store;

/**
 * How much labeled data a project has; deleted tasks and annotations are not counted.
 *
 * @param tasks tasks stored or referred to by an annotation
 * @param annotatedTasks tasks with at least one usable (non-skipped) annotation
 * @param annotations usable annotations
 * @param skipped annotations where the annotator skipped the task
 */
public record DatasetCounts(long tasks, long annotatedTasks, long annotations, long skipped) {}
