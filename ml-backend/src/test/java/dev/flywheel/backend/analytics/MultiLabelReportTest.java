package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiLabelReportTest {

    private static final List<String> LABELS = List.of("cat", "outdoor", "night");
    private static final double[] HALF = {0.5, 0.5, 0.5};

    @Test
    void perLabelMicroAndMacroFiguresCountEveryTaskAndTagDecision() {
        boolean[][] given = {
            {true, true, false},
            {true, false, false},
            {false, true, true},
            {false, false, false},
        };
        double[][] p = {
            {0.9, 0.8, 0.1}, // both tags right
            {0.7, 0.6, 0.2}, // outdoor proposed wrongly
            {0.2, 0.4, 0.9}, // outdoor missed
            {0.1, 0.1, 0.1}, // nothing, rightly
        };

        MultiLabelReport report = MultiLabelReport.of(LABELS, given, p, HALF);

        MultiLabelReport.LabelStats cat = report.perLabel().get(0);
        assertThat(cat.precision()).isEqualTo(1.0);
        assertThat(cat.recall()).isEqualTo(1.0);
        assertThat(cat.support()).isEqualTo(2);
        MultiLabelReport.LabelStats outdoor = report.perLabel().get(1);
        assertThat(outdoor.precision()).isEqualTo(0.5);
        assertThat(outdoor.recall()).isEqualTo(0.5);
        assertThat(outdoor.f1()).isEqualTo(0.5);
        // Pooled: 4 TP (cat twice, outdoor, night), 1 FP, 1 FN.
        assertThat(report.microF1()).isCloseTo(8.0 / 10.0, within(1e-12));
        assertThat(report.macroF1()).isCloseTo((1.0 + 0.5 + 1.0) / 3, within(1e-12));
        assertThat(report.exactMatch()).isEqualTo(0.5);
    }

    @Test
    void averagePrecisionRewardsRankingTheTaggedTasksFirst() {
        boolean[] truth = {true, false, true, false};

        assertThat(MultiLabelReport.averagePrecision(truth, new double[] {0.9, 0.2, 0.8, 0.1})).isEqualTo(1.0);
        // Ranked tagged, untagged, tagged: precision 1 at the first, 2/3 at the second.
        assertThat(MultiLabelReport.averagePrecision(truth, new double[] {0.9, 0.8, 0.7, 0.1})).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
        assertThat(MultiLabelReport.averagePrecision(new boolean[] {false, false}, new double[] {0.3, 0.4})).isNaN();
    }

    @Test
    void mapAndMacroF1LeaveOutLabelsNoTaskHas() {
        boolean[][] given = {{true, false, false}, {false, true, false}};
        double[][] p = {{0.9, 0.1, 0.7}, {0.2, 0.8, 0.6}};

        MultiLabelReport report = MultiLabelReport.of(LABELS, given, p, HALF);

        assertThat(report.map()).isEqualTo(1.0);
        assertThat(report.macroF1()).isEqualTo(1.0);
        // The night tags proposed for nobody's night still count as false positives in the pooled figure.
        assertThat(report.microF1()).isCloseTo(4.0 / 6.0, within(1e-12));
        assertThat(report.perLabel().get(2).precision()).isZero();
    }

    @Test
    void eachLabelIsJudgedAtItsOwnThreshold() {
        boolean[][] given = {{true, false, false}, {false, false, false}};
        double[][] p = {{0.3, 0.1, 0.1}, {0.1, 0.1, 0.1}};

        assertThat(MultiLabelReport.of(LABELS, given, p, HALF).microF1()).isZero();
        assertThat(MultiLabelReport.of(LABELS, given, p, new double[] {0.25, 0.5, 0.5}).microF1()).isEqualTo(1.0);
    }
}
