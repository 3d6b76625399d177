package dev.flywheel.eclipse.ui.editors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flywheel.eclipse.core.client.FakeBackend;
import dev.flywheel.eclipse.core.client.SampleProject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
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

    /** Asserts that the editor shows {@link SampleProject#COMPARE} of V1 (base) against V2 (candidate). */
    public void assertShowsSampleComparison(FakeBackend backend) {
        Table metrics = editor.metrics();
        var green = metrics.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN);
        List<String> labels = new ArrayList<>();
        List<Table> confusions = new ArrayList<>();
        collect(editor.body(), labels, confusions);
        var f1 = editor.f1Chart().getSeriesSet().getSeries();
        assertAll(
                () -> assertEquals(SampleProject.V1 + " \u2192 " + SampleProject.V2, editor.getPartName()),
                () -> assertTrue(editor.header().getText().startsWith(SampleProject.V2 + " against " + SampleProject.V1)),
                () -> assertEquals(3, metrics.getItemCount()),
                () -> assertEquals("accuracy", metrics.getItem(0).getText(0)),
                () -> assertEquals("0.750", metrics.getItem(0).getText(1)),
                () -> assertEquals("0.880", metrics.getItem(0).getText(2)),
                () -> assertEquals("+0.130", metrics.getItem(0).getText(3)),
                () -> assertEquals(green, metrics.getItem(0).getForeground(3), "a higher accuracy is better"),
                () -> assertEquals(green, metrics.getItem(2).getForeground(3), "a lower loss is better"),
                () -> assertArrayEquals(new String[] {"cat", "dog", "bird"},
                        editor.f1Chart().getAxisSet().getXAxis(0).getCategorySeries()),
                () -> assertArrayEquals(new double[] {0, 0, -0.05}, f1[1].getYSeries(), 1e-9),
                () -> assertEquals(3, confusions.size(), "metrics table plus two confusion matrices"),
                () -> assertEquals("56", confusions.get(2).getItem(0).getText(1)),
                () -> assertTrue(labels.contains("Fixed (now right): 101, 102, 103"), labels::toString),
                () -> assertTrue(labels.contains("Broken (now wrong): 204"), labels::toString),
                () -> assertTrue(labels.contains("Training data: 400 tasks added, 0 removed, 12 relabeled."), labels::toString),
                () -> assertTrue(backend.requests().contains("GET /api/v1/projects/3/compare?base=" + SampleProject.V1
                        + "&candidate=" + SampleProject.V2), backend.requests()::toString));
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
