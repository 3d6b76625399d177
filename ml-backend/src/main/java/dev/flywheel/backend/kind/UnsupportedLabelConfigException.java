package dev.flywheel.backend.kind;

import dev.flywheel.backend.labelconfig.LabelConfig;

/** A label config no task kind serves, with what the kinds serve and what was found. */
public final class UnsupportedLabelConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsupportedLabelConfigException(String served, LabelConfig config) {
        super("Flywheel serves " + served + "; this label config has " + config.describe());
    }
}
