package dev.flywheel.backend.kind;

import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.ServingTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed label config and what serves it: the kind and the control and image it predicts, or nothing.
 *
 * @param config the parsed config
 * @param kind the kind that serves it, empty when none does
 * @param target the control and image that kind predicts; present exactly when {@code kind} is
 * @param served what the kinds serve, for the refusal of an unserved config
 */
public record ServedConfig(LabelConfig config, Optional<TaskKind> kind, Optional<ServingTarget> target, String served) {

    public ServedConfig {
        Objects.requireNonNull(config, "config");
        if (kind.isPresent() != target.isPresent()) {
            throw new IllegalArgumentException("a served config has both a kind and a target, an unserved one neither");
        }
    }

    static ServedConfig served(LabelConfig config, TaskKind kind, ServingTarget target) {
        return new ServedConfig(config, Optional.of(kind), Optional.of(target), "");
    }

    static ServedConfig unserved(LabelConfig config, String served) {
        return new ServedConfig(config, Optional.empty(), Optional.empty(), served);
    }

    /** The kind's name, or {@link TaskKinds#UNSUPPORTED}: what the store records for the project. */
    public String kindName() {
        return kind.map(TaskKind::name).orElse(TaskKinds.UNSUPPORTED);
    }

    /** The served control's labels in config order; empty when unserved. */
    public List<String> labels() {
        return target.map(t -> t.control().labelValues()).orElse(List.of());
    }

    /** This config when a kind serves it; else the refusal Label Studio shows (422). */
    public ServedConfig require() {
        if (kind.isEmpty()) {
            throw new UnsupportedLabelConfigException(served, config);
        }
        return this;
    }
}
