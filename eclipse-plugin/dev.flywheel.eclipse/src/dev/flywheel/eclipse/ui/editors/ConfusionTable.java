package dev.flywheel.eclipse.ui.editors;

import dev.flywheel.model.api.Confusion;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** A confusion matrix as a heat-map table: the darker a cell, the larger its share of its row; the diagonal in blue, errors in red. */
final class ConfusionTable {

    private ConfusionTable() {}

    static Table create(Composite parent, Confusion confusion) {
        Table table = new Table(parent, SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        new TableColumn(table, SWT.LEFT).setWidth(80);
        for (String label : confusion.labels()) {
            TableColumn column = new TableColumn(table, SWT.RIGHT);
            column.setText(label);
            column.setWidth(60);
        }
        for (int row = 0; row < confusion.labels().size(); row++) {
            List<Long> cells = confusion.matrix().get(row);
            long total = cells.stream().mapToLong(Long::longValue).sum();
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(0, confusion.labels().get(row));
            for (int col = 0; col < cells.size(); col++) {
                item.setText(col + 1, Long.toString(cells.get(col)));
                double share = total == 0 ? 0 : (double) cells.get(col) / total;
                item.setBackground(col + 1, heat(table, share, row == col));
            }
        }
        return table;
    }

    /** White for nothing up to a saturated blue (right) or red (wrong); SWT colors hold no OS resource since 3.116, so nothing to dispose. */
    private static Color heat(Table table, double share, boolean diagonal) {
        int fade = (int) Math.round(255 - 175 * Math.min(1, share));
        RGB rgb = diagonal ? new RGB(fade, fade, 255) : new RGB(255, fade, fade);
        Color color = new Color(table.getDisplay(), rgb);
        return color;
    }
}
