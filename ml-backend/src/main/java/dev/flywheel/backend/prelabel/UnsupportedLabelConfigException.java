package dev.flywheel.backend.prelabel;

import dev.flywheel.backend.labelconfig.LabelConfig;

/** A label config Flywheel cannot pre-label, with what it serves and what it found. */
public final class UnsupportedLabelConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedLabelConfigException(LabelConfig config) {
        super("Flywheel serves " + LabelConfig.SERVED + "; this label config has " + config.describe());
    }
}
