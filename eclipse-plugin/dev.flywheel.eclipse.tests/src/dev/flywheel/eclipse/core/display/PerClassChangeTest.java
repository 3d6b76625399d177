package dev.flywheel.eclipse.core.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flywheel.eclipse.core.client.SampleProject;
import dev.flywheel.model.api.ChangedTasks;
import dev.flywheel.model.api.ClassApDelta;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.DataDiff;
import dev.flywheel.model.api.MetricDelta;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerClassChangeTest {

    @Test
    void twoClassifiersAreChartedByTheirF1Change() {
        PerClassChange change = PerClassChange.of(SampleProject.COMPARE);

        assertFalse(change.averagePrecision());
        assertArrayEquals(new String[] {"cat", "dog", "bird"}, change.labels());
        assertArrayEquals(new double[] {0.10, 0.15, -0.05}, change.deltas(), 1e-12);
    }

    @Test
    void twoDetectorsAreChartedByTheirApChange() {
        CompareReply detectors = new CompareReply("v1", "v2", List.of(new MetricDelta("map50", 0.5, 0.7, 0.2)), List.of(), null, null,
                new ChangedTasks(List.of(), List.of()), new DataDiff(3, 0, 0),
                List.of(new ClassApDelta("car", 0.4, 0.6, 0.2), new ClassApDelta("person", 0.6, 0.5, -0.1)));

        PerClassChange change = PerClassChange.of(detectors);

        assertTrue(change.averagePrecision());
        assertArrayEquals(new String[] {"car", "person"}, change.labels());
        assertArrayEquals(new double[] {0.2, -0.1}, change.deltas(), 1e-12);
    }
}
