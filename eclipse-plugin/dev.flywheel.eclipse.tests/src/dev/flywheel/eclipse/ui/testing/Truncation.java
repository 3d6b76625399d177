package dev.flywheel.eclipse.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
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
        TableColumn[] columns = table.getColumns();
        return cut(table, columns.length, c -> columns[c].getText(), c -> columns[c].getWidth(), (gc, c, cut) -> {
            for (TableItem item : table.getItems()) {
                gc.setFont(item.getFont(c));
                cell(gc, columns[c].getText(), item.getText(c), item.getBounds(c), item.getTextBounds(c), cut);
            }
        });
    }

    /** Like {@link #cut(Table)} for a tree, every level. */
    public static List<String> cut(Tree tree) {
        TreeColumn[] columns = tree.getColumns();
        return cut(tree, columns.length, c -> columns[c].getText(), c -> columns[c].getWidth(), (gc, c, cut) -> {
            for (TreeItem item : tree.getItems()) {
                cells(gc, columns[c].getText(), item, c, cut);
            }
        });
    }

    /** Checks the cells of column {@code c}, adding what they cut to {@code cut}. */
    private interface Cells {
        void check(GC gc, int c, List<String> cut);
    }

    /** Checks each column of {@code control}: its header against its width, then its cells. */
    private static List<String> cut(Control control, int columns, IntFunction<String> header, IntUnaryOperator width, Cells cells) {
        List<String> cut = new ArrayList<>();
        GC gc = new GC(control);
        try {
            for (int c = 0; c < columns; c++) {
                gc.setFont(control.getFont());
                header(gc, header.apply(c), width.applyAsInt(c), cut);
                cells.check(gc, c, cut);
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
