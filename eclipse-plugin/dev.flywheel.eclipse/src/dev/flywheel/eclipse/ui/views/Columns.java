package dev.flywheel.eclipse.ui.views;

import java.util.function.Function;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Sizes table and tree columns to their header and their content, so no value is cut ("Trained or", "image_classificatic")
 * at any view size; a view wider than its columns scrolls instead.
 */
public final class Columns {

    /** Room for the cell's margins beside the text itself. */
    private static final int PADDING = 24;

    /** Room for a header's margins, its separator and a sort indicator: GTK pads headers more than cells. */
    private static final int HEADER_PADDING = 36;

    private Columns() {}

    /** Adds to {@code viewer} a left-aligned column titled {@code title}, {@code width} px wide, its cells drawn by {@code labels}. */
    public static TableViewerColumn add(TableViewer viewer, String title, int width, CellLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(labels);
        return column;
    }

    /** Like {@link #add(TableViewer, String, int, CellLabelProvider)} for a tree. */
    public static TreeViewerColumn add(TreeViewer viewer, String title, int width, CellLabelProvider labels) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(labels);
        return column;
    }

    /** Cells whose text is {@code text} of their row, a {@code type}; empty for any other element. */
    public static <T> ColumnLabelProvider texts(Class<T> type, Function<T, String> text) {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return type.isInstance(element) ? text.apply(type.cast(element)) : ""; //$NON-NLS-1$
            }
        };
    }

    /** Sizes every column of {@code table} to the widest of its header and the texts of the items it has. */
    public static void pack(Table table) {
        if (table.isDisposed()) {
            return;
        }
        GC gc = new GC(table);
        try {
            TableColumn[] columns = table.getColumns();
            for (int c = 0; c < columns.length; c++) {
                gc.setFont(table.getFont());
                int width = gc.textExtent(columns[c].getText()).x + HEADER_PADDING;
                for (TableItem item : table.getItems()) {
                    gc.setFont(item.getFont(c)); // the active version's row is bold
                    width = Math.max(width, gc.textExtent(item.getText(c)).x + PADDING
                            + (item.getImage(c) == null ? 0 : item.getImage(c).getBounds().width + 4));
                }
                columns[c].setWidth(width);
            }
        } finally {
            gc.dispose();
        }
    }

    /**
     * Sizes every column of a virtual {@code table}, whose items exist only once shown, to its header and the texts
     * {@code rows} give (one array per row, one text per column).
     */
    public static void fit(Table table, Iterable<String[]> rows) {
        if (table.isDisposed()) {
            return;
        }
        GC gc = new GC(table);
        try {
            TableColumn[] columns = table.getColumns();
            int[] widths = new int[columns.length];
            for (int c = 0; c < columns.length; c++) {
                widths[c] = gc.textExtent(columns[c].getText()).x + HEADER_PADDING;
            }
            for (String[] row : rows) {
                for (int c = 0; c < columns.length && c < row.length; c++) {
                    widths[c] = Math.max(widths[c], gc.textExtent(row[c]).x + PADDING);
                }
            }
            for (int c = 0; c < columns.length; c++) {
                columns[c].setWidth(widths[c]);
            }
        } finally {
            gc.dispose();
        }
    }

    /** Sizes every column of {@code tree} to its header and every item's text, the first column with room for the indent. */
    public static void pack(Tree tree) {
        if (tree.isDisposed()) {
            return;
        }
        GC gc = new GC(tree);
        try {
            TreeColumn[] columns = tree.getColumns();
            for (int c = 0; c < columns.length; c++) {
                int width = gc.textExtent(columns[c].getText()).x + HEADER_PADDING;
                for (TreeItem item : tree.getItems()) {
                    width = Math.max(width, widest(gc, item, c, 0) + PADDING);
                }
                columns[c].setWidth(width);
            }
        } finally {
            gc.dispose();
        }
    }

    private static int widest(GC gc, TreeItem item, int column, int depth) {
        // the first column's items are indented per level; the expander takes about two characters' width
        int indent = column == 0 ? (depth + 1) * ((int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth()) * 3 + 8) : 0;
        int width = gc.textExtent(item.getText(column)).x + indent;
        for (TreeItem child : item.getItems()) {
            width = Math.max(width, widest(gc, child, column, depth + 1));
        }
        return width;
    }
}
