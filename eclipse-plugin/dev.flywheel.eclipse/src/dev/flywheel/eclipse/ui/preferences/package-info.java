/** The Flywheel preference page: widgets only; settings and secrets are read and written through {@code core.settings}. */
package dev.flywheel.eclipse.ui.preferences;
