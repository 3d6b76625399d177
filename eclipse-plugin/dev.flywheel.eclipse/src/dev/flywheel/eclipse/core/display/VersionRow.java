package dev.flywheel.eclipse.core.display;

import dev.flywheel.model.api.FlywheelReply;
import dev.flywheel.model.api.ModelStatus;
import dev.flywheel.model.api.ModelSummary;
import dev.flywheel.model.api.ModelsReply;
import dev.flywheel.model.api.VersionSavings;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One line of the model-versions table: the version, whether it is active, and what its pre-labels saved.
 *
 * @param model the version as the backend lists it
 * @param active whether it serves predictions now
 * @param savings its pre-labeling figures, or {@code null} when it never pre-labeled
 */
public record VersionRow(ModelSummary model, boolean active, VersionSavings savings) {

    /** Joins the models reply with the flywheel reply (which may be absent), newest first as the backend sent them. */
    public static List<VersionRow> of(ModelsReply models, FlywheelReply flywheel) {
        Map<String, VersionSavings> byVersion = flywheel == null ? Map.of()
                : flywheel.versions().stream().collect(Collectors.toMap(VersionSavings::version, Function.identity(), (a, b) -> a));
        return models.models().stream()
                .map(m -> new VersionRow(m, m.version().equals(models.active()), byVersion.get(m.version())))
                .toList();
    }

    /** Whether a run is still to finish, so the view keeps asking. */
    public boolean inProgress() {
        return model.status() == ModelStatus.QUEUED || model.status() == ModelStatus.TRAINING;
    }

    /** Whether the version can serve predictions. */
    public boolean activatable() {
        return model.status() == ModelStatus.READY && !active;
    }
}
