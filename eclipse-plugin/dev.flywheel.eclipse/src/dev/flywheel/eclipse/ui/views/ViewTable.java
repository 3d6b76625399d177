package dev.flywheel.eclipse.ui.views;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/**
 * The table of records a Flywheel view shows (suspects, drift tests, moved samples, annotators): header and lines on,
 * one column per text function, the columns sized to header and content whenever rows arrive (so no value is cut),
 * and the selection read back as a record.
 *
 * @param <T> the record a row shows
 */
final class ViewTable<T> {

    private final TableViewer viewer;
    private final Class<T> type;

    /** A single-selection table scrolling both ways. */
    ViewTable(Composite parent, Class<T> type) {
        this(parent, type, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
    }

    ViewTable(Composite parent, Class<T> type, int style) {
        this.type = type;
        viewer = new TableViewer(parent, style);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
    }

    /** Adds a column titled {@code title} whose cells are {@code text} of the row. */
    TableViewerColumn column(String title, Function<T, String> text) {
        // a start only: show() packs every column to its header and content
        return Columns.add(viewer, title, 90, Columns.texts(type, text));
    }

    /** Shows {@code rows} in order and sizes the columns to them. */
    void show(List<T> rows) {
        viewer.setInput(List.copyOf(rows));
        Columns.pack(viewer.getTable());
    }

    /** Shows no rows. */
    void clear() {
        viewer.setInput(List.of());
    }

    /** The rows shown, in order. */
    @SuppressWarnings("unchecked")
    List<T> rows() {
        return viewer.getInput() instanceof List<?> list ? (List<T>) list : List.of();
    }

    /** The 1-based position of {@code row} among the rows shown, 0 when it is not shown. */
    int rank(T row) {
        return rows().indexOf(row) + 1;
    }

    /** The selected row, or null. */
    T selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return type.isInstance(first) ? type.cast(first) : null;
    }

    /** The task of the selected row ({@code task} of it), empty when none is selected or it has none. */
    OptionalLong selectedTask(Function<T, Long> task) {
        T row = selected();
        Long id = row == null ? null : task.apply(row);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    TableViewer viewer() {
        return viewer;
    }
}
