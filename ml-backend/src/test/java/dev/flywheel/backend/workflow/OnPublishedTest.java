package dev.flywheel.backend.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.kind.FakeKind;
import dev.flywheel.backend.kind.TaskKinds;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.model.api.ModelMetrics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnPublishedTest {

    private final List<String> events = new ArrayList<>();
    private final FakeKind boxes = new Auditing("boxes", "RectangleLabels", false);
    private final FakeKind choices = new Auditing("choices", "Choices", true);
    private final TaskKinds kinds = new TaskKinds(List.of(boxes, choices));
    @TempDir
    Path home;
    private AuditFiles audits;

    @BeforeEach
    void audits() {
        audits = new AuditFiles(home, new ObjectMapper());
    }

    @Test
    void issuesAreRefreshedAtOnceThenAuditedByTheVersionsKindAndRefreshedAgain() {
        OnPublished onPublished = new OnPublished(project -> events.add("refresh " + project), kinds, audits);

        onPublished.run(manifest("v3", "choices"), () -> false);

        assertThat(events).containsExactly("refresh 4", "audit v3 as choices", "refresh 4");
        assertThat(audits.times(4, "v3").started()).as("the label issues can say since when the audit runs").isPresent();
    }

    @Test
    void withTheAuditOffOnlyTheHoldOutIssuesAreRefreshed() {
        OnPublished onPublished = new OnPublished(project -> events.add("refresh " + project), kinds, audits);

        onPublished.run(manifest("v3", "boxes"), () -> false);

        assertThat(events).containsExactly("refresh 4", "no audit of v3 as boxes");
    }

    @Test
    void aVersionOfAKindNoLongerServedIsNotAudited() {
        OnPublished onPublished = new OnPublished(project -> events.add("refresh " + project), kinds, audits);

        onPublished.run(manifest("v3", "polygons"), () -> false);

        assertThat(events).containsExactly("refresh 4");
    }

    /** A kind that notes each audit asked of it, and whether it has one. */
    private final class Auditing extends FakeKind {

        private final boolean audits;

        Auditing(String name, String controlType, boolean audits) {
            super(name, controlType);
            this.audits = audits;
        }

        @Override
        public boolean audit(ModelManifest published, java.util.function.BooleanSupplier cancelled) {
            events.add((audits ? "audit " : "no audit of ") + published.version() + " as " + name());
            return audits;
        }
    }

    private static ModelManifest manifest(String version, String kind) {
        return new ModelManifest(version, 4, null, kind, "fake", 32, List.of("a", "b"), 1.0, Map.of(), "none", List.of(), 0,
                new ModelMetrics(null, null), List.of(), null, List.of(), List.of(), Instant.now().toString(), 0.0);
    }
}
