package dev.flywheel.backend.kind;

import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelManifest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds this backend serves, in the order they claim a label config: the first that matches serves it. A new kind
 * is one more entry where the backend lists them.
 */
public final class TaskKinds {

    /** The task type of a config no kind serves, as the store and the insights API spell it. */
    public static final String UNSUPPORTED = "unsupported";

    private final List<TaskKind> kinds;

    public TaskKinds(List<TaskKind> kinds) {
        this.kinds = List.copyOf(kinds);
        if (kinds.stream().map(TaskKind::name).distinct().count() != kinds.size()) {
            throw new IllegalArgumentException("two task kinds share a name");
        }
    }

    public List<TaskKind> all() {
        return kinds;
    }

    /** The kind spelt {@code name} in the store or a manifest. */
    public Optional<TaskKind> named(String name) {
        return kinds.stream().filter(kind -> kind.name().equals(name)).findFirst();
    }

    /** The kind a version belongs to. */
    public Optional<TaskKind> of(ModelManifest manifest) {
        return named(manifest.taskType());
    }

    /** What serves {@code config}: the first kind that matches it, with its target; unserved when none does. */
    public ServedConfig serve(LabelConfig config) {
        for (TaskKind kind : kinds) {
            Optional<ServingTarget> target = kind.match(config);
            if (target.isPresent()) {
                return ServedConfig.served(config, kind, target.get());
            }
        }
        return ServedConfig.unserved(config, describe());
    }

    /** What the kinds serve, said in the error Label Studio shows when a config is refused. */
    public String describe() {
        return "an <Image> labeled by " + kinds.stream().map(TaskKind::describe).collect(Collectors.joining(" or "));
    }
}
