package dev.flywheel.eclipse.ui.editors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.eclipse.core.display.Figures;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;

/** Reads the widgets of an open Compare Runs editor for tests in other packages. */
public final class CompareRunsEditorProbe {

    private final CompareRunsEditor editor;

    private CompareRunsEditorProbe(CompareRunsEditor editor) {
        this.editor = editor;
    }

    /** The probe of {@code part}, which must be a Compare Runs editor. */
    public static CompareRunsEditorProbe of(IEditorPart part) {
        return new CompareRunsEditorProbe((CompareRunsEditor) part);
    }

    /** Whether the comparison arrived and was rendered. */
    public boolean loaded() {
        return editor.metrics() != null;
    }

    /**
     * Asserts that the editor shows {@code expected}, the backend's own {@code /compare} answer for {@code base}
     * against {@code candidate} in the project titled {@code title}: every metric with its values and change, one
     * F1 bar per label, both confusion matrices and the data diff.
     */
    public void assertShows(String base, String candidate, String title, JsonNode expected) {
        Table metrics = editor.metrics();
        List<String> labels = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        collect(editor.body(), labels, tables);
        List<String> perClass = new ArrayList<>();
        expected.path("per_class").forEach(c -> perClass.add(c.path("label").asText()));
        JsonNode diff = expected.path("data_diff");
        assertAll(
                () -> assertEquals(base + " \u2192 " + candidate, editor.getPartName()),
                () -> assertTrue(editor.header().getText().startsWith(candidate + " against " + base + " on " + title),
                        editor.header().getText()),
                () -> assertEquals(expected.path("metrics").size(), metrics.getItemCount()),
                () -> assertEquals(3, tables.size(), "metrics table plus two confusion matrices"),
                () -> assertEquals(perClass, List.of(editor.f1Chart().getAxisSet().getXAxis(0).getCategorySeries())),
                () -> assertTrue(labels.contains("Training data: " + diff.path("added").asInt() + " tasks added, "
                        + diff.path("removed").asInt() + " removed, " + diff.path("relabeled").asInt() + " relabeled."),
                        labels::toString));
        for (int i = 0; i < metrics.getItemCount(); i++) {
            JsonNode metric = expected.path("metrics").get(i);
            int row = i;
            assertAll(metric.path("name").asText(),
                    () -> assertEquals(metric.path("name").asText(), metrics.getItem(row).getText(0)),
                    () -> assertEquals(Figures.percent(number(metric.path("base"))), metrics.getItem(row).getText(1)),
                    () -> assertEquals(Figures.percent(number(metric.path("candidate"))), metrics.getItem(row).getText(2)),
                    () -> assertEquals(Figures.points(number(metric.path("delta"))), metrics.getItem(row).getText(3)));
        }
        JsonNode set = expected.path("evaluation");
        JsonNode changed = expected.path("changed");
        assertAll(
                () -> assertEquals("accuracy", metrics.getItem(0).getText(0)),
                () -> assertTrue(editor.evaluation().getText().startsWith("Both versions scored on the same " + set.path("tasks").asInt()
                        + " hold-out tasks"), editor.evaluation().getText()),
                () -> assertTrue(editor.evaluation().getText().contains(base + " kept " + set.path("base_holdout").asInt() + " tasks out, "
                        + candidate + " kept " + set.path("candidate_holdout").asInt()), editor.evaluation().getText()),
                () -> assertEquals(set.path("tasks").asLong(), scored(tables.get(1)), "the base side scored the evaluation set"),
                () -> assertEquals(set.path("tasks").asLong(), scored(tables.get(2)), "the candidate side scored the same set"),
                () -> assertEquals(ids(changed.path("fixed")), editor.fixedTasks().tasks()),
                () -> assertEquals(ids(changed.path("broken")), editor.brokenTasks().tasks()));
    }

    /** Whether the pictures of the fixed and broken tasks arrived. */
    public boolean thumbnailsLoaded() {
        return editor.fixedTasks().loaded() == editor.fixedTasks().tasks().size()
                && editor.brokenTasks().loaded() == editor.brokenTasks().tasks().size();
    }

    /** Double-clicks the first fixed or broken task's picture, as a user opening it in Label Studio would; its task id, or -1. */
    public long openFirstChangedTaskInLabelStudio(java.util.function.Consumer<String> browser) {
        editor.testBrowser(browser);
        TaskThumbnails row = editor.fixedTasks().tasks().isEmpty() ? editor.brokenTasks() : editor.fixedTasks();
        if (row.tasks().isEmpty()) {
            return -1;
        }
        row.pictures().getChildren()[0].notifyListeners(org.eclipse.swt.SWT.MouseDoubleClick, new org.eclipse.swt.widgets.Event());
        return row.tasks().get(0);
    }

    /** The tasks a confusion table counts: the sum of its cells. */
    private static long scored(Table confusion) {
        long sum = 0;
        for (var item : confusion.getItems()) {
            for (int c = 1; c < confusion.getColumnCount(); c++) {
                sum += Long.parseLong(item.getText(c));
            }
        }
        return sum;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids.subList(0, Math.min(24, ids.size()));
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static void collect(Control control, List<String> labels, List<Table> tables) {
        if (control instanceof Label label) {
            labels.add(label.getText());
        } else if (control instanceof Table table) {
            tables.add(table);
        } else if (control instanceof org.eclipse.swt.widgets.Composite composite
                && !(control instanceof org.eclipse.swtchart.Chart)) {
            for (Control child : composite.getChildren()) {
                collect(child, labels, tables);
            }
        }
    }
}
