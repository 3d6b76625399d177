package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.RealBackendExtension;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A view test on the workbench's page against the seeded backend, which the extension starts once for the whole run. */
@ExtendWith(RealBackendExtension.class)
abstract class SeededViewTest {

    protected RealBackend backend;
    protected final IWorkbenchPage page = SeededPage.page();

    /** Runs before the subclass's own set-up, so that finds the backend. */
    @BeforeEach
    final void takeTheBackend(RealBackend started) {
        backend = started;
    }
}
