package dev.flywheel.backend.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.kind.FakeKind;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.model.api.ModelMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnPublishedTest {

    private final List<String> events = new ArrayList<>();
    private final FakeKind boxes = new FakeKind("boxes", "RectangleLabels") {
        @Override
        public void audit(ModelManifest published, java.util.function.BooleanSupplier cancelled) {
            events.add("audit " + published.version() + " as boxes");
        }
    };
    private final FakeKind choices = new FakeKind("choices", "Choices") {
        @Override
        public void audit(ModelManifest published, java.util.function.BooleanSupplier cancelled) {
            events.add("audit " + published.version() + " as choices");
        }
    };
    private final TaskKinds kinds = new TaskKinds(List.of(boxes, choices));

    @Test
    void issuesAreRefreshedAtOnceThenAuditedByTheVersionsKindAndRefreshedAgain() {
        OnPublished onPublished = new OnPublished(project -> events.add("refresh " + project), kinds, true);

        onPublished.run(manifest("v3", "choices"), () -> false);

        assertThat(events).containsExactly("refresh 4", "audit v3 as choices", "refresh 4");
    }

    @Test
    void withTheAuditOffOnlyTheHoldOutIssuesAreRefreshed() {
        OnPublished onPublished = new OnPublished(project -> events.add("refresh " + project), kinds, false);

        onPublished.run(manifest("v3", "boxes"), () -> false);

        assertThat(events).containsExactly("refresh 4");
    }

    @Test
    void aVersionOfAKindNoLongerServedIsNotAudited() {
        OnPublished onPublished = new OnPublished(project -> events.add("refresh " + project), kinds, true);

        onPublished.run(manifest("v3", "polygons"), () -> false);

        assertThat(events).containsExactly("refresh 4", "refresh 4");
    }

    private static ModelManifest manifest(String version, String kind) {
        return new ModelManifest(version, 4, null, kind, "fake", 32, List.of("a", "b"), 1.0, Map.of(), "none", List.of(), 0,
                new ModelMetrics(null, null), List.of(), null, List.of(), List.of(), Instant.now().toString(), 0.0);
    }
}
