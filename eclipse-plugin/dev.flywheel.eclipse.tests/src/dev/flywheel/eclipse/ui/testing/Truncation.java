package dev.flywheel.eclipse.ui.testing;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/** Finds the header and cell texts a table or tree cuts: those wider than the room their column leaves them. */
public final class Truncation {

    private Truncation() {}

    /** Descriptions of the cut texts of {@code table} ("Created: '7 Dec 2026, 16:02' needs 130 px, has 120"); empty when none is. */
    public static List<String> cut(Table table) {
        List<String> cut = new ArrayList<>();
        GC gc = new GC(table);
        try {
            TableColumn[] columns = table.getColumns();
            for (int c = 0; c < columns.length; c++) {
                gc.setFont(table.getFont());
                header(gc, columns[c].getText(), columns[c].getWidth(), cut);
                for (TableItem item : table.getItems()) {
                    gc.setFont(item.getFont(c));
                    cell(gc, columns[c].getText(), item.getText(c), item.getBounds(c), item.getTextBounds(c), cut);
                }
            }
        } finally {
            gc.dispose();
        }
        return cut;
    }

    /** Like {@link #cut(Table)} for a tree, every level. */
    public static List<String> cut(Tree tree) {
        List<String> cut = new ArrayList<>();
        GC gc = new GC(tree);
        try {
            TreeColumn[] columns = tree.getColumns();
            for (int c = 0; c < columns.length; c++) {
                gc.setFont(tree.getFont());
                header(gc, columns[c].getText(), columns[c].getWidth(), cut);
                for (TreeItem item : tree.getItems()) {
                    cells(gc, columns[c].getText(), item, c, cut);
                }
            }
        } finally {
            gc.dispose();
        }
        return cut;
    }

    private static void cells(GC gc, String column, TreeItem item, int c, List<String> cut) {
        gc.setFont(item.getFont(c));
        cell(gc, column, item.getText(c), item.getBounds(c), item.getTextBounds(c), cut);
        for (TreeItem child : item.getItems()) {
            cells(gc, column, child, c, cut);
        }
    }

    /** A GTK header draws its text inside about 12 px of padding on each side. */
    private static final int HEADER_PADDING = 24;

    private static void header(GC gc, String text, int width, List<String> cut) {
        int needed = gc.textExtent(text).x + HEADER_PADDING;
        if (needed > width) {
            cut.add("header '" + text + "' needs " + needed + " px, has " + width);
        }
    }

    private static void cell(GC gc, String column, String text, Rectangle cellBounds, Rectangle textBounds, List<String> cut) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int needed = gc.textExtent(text).x;
        int room = cellBounds.x + cellBounds.width - Math.max(cellBounds.x, textBounds.x);
        if (needed > room) {
            cut.add(column + ": '" + text + "' needs " + needed + " px, has " + room);
        }
    }
}
