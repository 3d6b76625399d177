package dev.flywheel.eclipse.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;

/** Check boxes that show whether they are ticked under the workbench theme. */
final class CheckBoxes {

    private CheckBoxes() {}

    /**
     * Keeps GTK's own background on the check boxes: the workbench theme gives every control the view's background, and
     * a GTK check box shows its ticked state in its background (a blue box with a white tick), so a themed box looks
     * unticked while its filter is on. The theme styles new widgets on {@link SWT#Skin}, after this view built them.
     */
    static void keepUnthemed(Composite row, Button... boxes) {
        Display display = row.getDisplay();
        row.setBackgroundMode(SWT.INHERIT_NONE);
        Listener unthemed = e -> {
            for (Button box : boxes) {
                if ((e.widget == box || e.widget == row) && !box.isDisposed()) {
                    row.setBackgroundMode(SWT.INHERIT_NONE);
                    box.setBackground(null);
                }
            }
        };
        display.addListener(SWT.Skin, unthemed);
        row.addDisposeListener(e -> display.removeListener(SWT.Skin, unthemed));
        display.asyncExec(() -> {
            if (!row.isDisposed()) {
                unthemed.handleEvent(skinOf(row));
            }
        });
    }

    private static Event skinOf(Composite row) {
        Event event = new Event();
        event.widget = row;
        return event;
    }
}
