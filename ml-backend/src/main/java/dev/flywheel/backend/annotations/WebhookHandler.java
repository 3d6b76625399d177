package dev.flywheel.backend.annotations;

import dev.flywheel.model.labelstudio.WebhookEvent;

/** Takes one webhook event; returns once what must be durable is on disk, never waiting for training. */
public interface WebhookHandler {

    /** Whether the action was one Flywheel knows; unknown actions are acknowledged all the same. */
    boolean handle(WebhookEvent event);
}
