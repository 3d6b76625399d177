package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.model.api.DriftReport;
import dev.flywheel.model.api.DriftWindow;
import dev.flywheel.model.api.FeatureDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftAnalysisTest {

    private static final DriftWindow WINDOW = new DriftWindow("2025-01-01T00:00:00Z", "2025-01-08T00:00:00Z", 150);

    @Test
    void recentInputsFromTheTrainingDistributionAreNotDrifted() {
        Random random = new Random(21);

        DriftReport report = DriftAnalysis.analyze("v3", WINDOW, sample(random, 150, 0, 0), sample(random, 150, 0, 0));

        assertThat(report.drifted()).isFalse();
        assertThat(report.pValue()).isGreaterThan(0.05);
        assertThat(report.perFeature()).extracting(FeatureDrift::feature).containsExactlyElementsOf(ImageFeatures.NAMES);
        assertThat(report.perFeature()).noneMatch(FeatureDrift::drifted);
        assertThat(report.referenceVersion()).isEqualTo("v3");
        assertThat(report.window()).isEqualTo(WINDOW);
    }

    @Test
    void darkerImagesDriftOnBrightnessEvenWithUnchangedEmbeddings() {
        Random random = new Random(21);

        DriftReport report = DriftAnalysis.analyze("v3", WINDOW, sample(random, 150, 0, 0), sample(random, 150, -0.15, 0));

        assertThat(report.drifted()).isTrue();
        assertThat(report.perFeature()).filteredOn(FeatureDrift::drifted).extracting(FeatureDrift::feature).containsExactly("brightness");
        FeatureDrift brightness = report.perFeature().stream().filter(f -> f.feature().equals("brightness")).findFirst().orElseThrow();
        assertThat(brightness.currentMedian() - brightness.referenceMedian()).as("how far brightness moved").isCloseTo(-0.15,
                org.assertj.core.data.Offset.offset(0.05));
        assertThat(report.embedding()).as("the embedding test, reported on its own").isNotNull()
                .satisfies(e -> assertThat(e.feature()).isEqualTo("embedding")).satisfies(e -> assertThat(e.drifted()).isFalse());
    }

    @Test
    void embeddingsWithAShiftedMeanDriftThroughTheMmdTest() {
        Random random = new Random(21);

        DriftReport report = DriftAnalysis.analyze("v3", WINDOW, sample(random, 150, 0, 0), sample(random, 150, 0, 0.5));

        assertThat(report.drifted()).isTrue();
        assertThat(report.perFeature()).noneMatch(FeatureDrift::drifted);
        assertThat(report.pValue()).isLessThan(0.05);
    }

    @Test
    void anEmptyWindowIsNotDriftedAndHasNoStatistic() {
        DriftReport report = DriftAnalysis.analyze("v3", WINDOW, sample(new Random(1), 20, 0, 0), new DriftSample(List.of(), List.of()));

        assertThat(report.drifted()).isFalse();
        assertThat(report.statistic()).isNull();
    }

    private static DriftSample sample(Random random, int n, double brightnessShift, double embeddingShift) {
        List<ImageFeatures> features = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double width = 600 + 40 * random.nextGaussian();
            double height = 400 + 30 * random.nextGaussian();
            features.add(new ImageFeatures(0.5 + brightnessShift + 0.1 * random.nextGaussian(),
                    0.2 + 0.03 * random.nextGaussian(), width, height, width / height));
        }
        return new DriftSample(List.of(MaximumMeanDiscrepancyTest.vectors(random, n, 8, embeddingShift)), features);
    }
}
