package dev.flywheel.eclipse.ui.views;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/** The layout the Flywheel views share: a wrapping status line on top, the view's content below taking the room left. */
final class ViewLayout {

    private ViewLayout() {}

    /** Gives {@code parent} the views' layout and a status line on top, and returns the line. */
    static Label statusLine(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        Label status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(status);
        return status;
    }

    /** Lets {@code control}, below a {@link #statusLine}, take the room left. */
    static <C extends Control> C fill(C control) {
        GridDataFactory.fillDefaults().grab(true, true).applyTo(control);
        return control;
    }
}
