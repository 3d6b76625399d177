package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.VersionRow;
import dev.flywheel.model.api.LearningCurve;
import java.util.List;

/** What the Model Versions view loads for one project: the rows and the learning curve (absent when the backend has none). */
record VersionsData(List<VersionRow> rows, LearningCurve curve) {}
