package dev.flywheel.backend.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.annotations.TrainingTrigger;
import dev.flywheel.backend.project.ProjectConnection;
import dev.flywheel.backend.project.ProjectSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OnAnnotationTest {

    private final List<String> events = new ArrayList<>();
    private final TrainingTrigger queue = new TrainingTrigger() {
        @Override
        public void projectSeen(long project) {
            events.add("queue: seen " + project);
        }

        @Override
        public void annotationsChanged(long project) {
            events.add("queue: changed " + project);
        }

        @Override
        public Optional<String> trainNow(long project) {
            events.add("queue: train " + project);
            return Optional.of("v9");
        }
    };

    @Test
    void storedAnnotationsPrepareTheirImagesAndSignalTheQueue() {
        OnAnnotation onAnnotation = new OnAnnotation(queue, project -> events.add("prefetch " + project));

        onAnnotation.annotationsChanged(3);

        assertThat(events).containsExactly("prefetch 3", "queue: changed 3");
    }

    @Test
    void aSeenProjectAndStartTrainingGoToTheQueueAlone() {
        OnAnnotation onAnnotation = new OnAnnotation(queue, project -> events.add("prefetch " + project));

        onAnnotation.projectSeen(3);
        Optional<String> version = onAnnotation.trainNow(3);

        assertThat(events).containsExactly("queue: seen 3", "queue: train 3");
        assertThat(version).hasValue("v9");
    }

    @Test
    void aSetupRemembersTheConnectionAndAnnouncesTheProject() {
        List<ProjectConnection> remembered = new ArrayList<>();
        ProjectSettings projects = new ProjectSettings() {
            @Override
            public void remember(ProjectConnection connection) {
                remembered.add(connection);
                events.add("remembered " + connection.project());
            }

            @Override
            public Optional<ProjectConnection> find(long project) {
                return remembered.stream().filter(c -> c.project() == project).findFirst();
            }
        };
        OnSetup onSetup = new OnSetup(projects, project -> events.add("seen " + project));

        onSetup.remember(new ProjectConnection(5, "<View/>", Optional.empty(), Optional.empty()));

        assertThat(events).containsExactly("remembered 5", "seen 5");
        assertThat(onSetup.find(5)).isPresent();
    }
}
