package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.jobs.ChangeWatcher;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;

/**
 * Makes the workbench's one {@link ChangeWatcher} (plugin.xml, org.eclipse.ui.services): a window, a view site or an
 * editor site asking for it gets the workbench's, so every view follows the same polling.
 */
public final class ChangeWatcherFactory extends AbstractServiceFactory {

    @Override
    public Object create(@SuppressWarnings("rawtypes") Class serviceInterface, IServiceLocator parentLocator, IServiceLocator locator) {
        if (!ChangeWatcher.class.equals(serviceInterface)) {
            return null;
        }
        Object shared = parentLocator == null ? null : parentLocator.getService(ChangeWatcher.class);
        if (shared != null) {
            return shared;
        }
        BackendSettings settings = BackendSettings.ofWorkspace();
        return new ChangeWatcher(settings::connections, Clients::of, BackendSettings.WATCH_MILLIS);
    }
}
