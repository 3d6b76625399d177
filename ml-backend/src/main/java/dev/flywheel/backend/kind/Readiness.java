package dev.flywheel.backend.kind;

/**
 * What the training policy counts in a project's labels, as its kind counts them.
 *
 * @param tasks labelled tasks that would train
 * @param classes distinct classes among them, in the policy's terms (a detector's one box label counts as two: object
 *     and background)
 */
public record Readiness(int tasks, int classes) {}
