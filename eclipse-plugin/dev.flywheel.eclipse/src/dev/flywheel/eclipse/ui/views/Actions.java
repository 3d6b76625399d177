package dev.flywheel.eclipse.ui.views;

import org.eclipse.jface.action.Action;

/** Toolbar actions that run a method of their view. */
final class Actions {

    private Actions() {}

    /** An action labelled {@code text} that runs {@code run}. */
    static Action of(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }
}
