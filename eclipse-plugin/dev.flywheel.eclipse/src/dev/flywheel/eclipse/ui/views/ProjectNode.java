package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.model.api.ProjectSummary;

/**
 * A project in the datasets tree; selecting one tells the other Flywheel views which project to show.
 *
 * @param ref the project across backends
 * @param summary what the backend says about it
 * @param drifted whether recent images drifted, or {@code null} when the backend has no drift report
 */
public record ProjectNode(ProjectRef ref, ProjectSummary summary, Boolean drifted) {}
