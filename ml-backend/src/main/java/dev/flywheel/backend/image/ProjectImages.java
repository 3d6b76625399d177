package dev.flywheel.backend.image;

import dev.flywheel.backend.project.ProjectSettings;
import java.awt.image.BufferedImage;

/**
 * Loads task images with the credentials that apply to their project: the operator's settings first, else what the
 * project's {@code /setup} said.
 */
public final class ProjectImages implements ImageSource {

    private final ImageFetcher fetcher;
    private final LabelStudioConnectionResolver resolver;
    private final ProjectSettings projects;

    public ProjectImages(ImageFetcher fetcher, LabelStudioConnectionResolver resolver, ProjectSettings projects) {
        this.fetcher = fetcher;
        this.resolver = resolver;
        this.projects = projects;
    }

    @Override
    public BufferedImage load(long project, Long taskId, String reference) {
        return fetch(project, taskId, reference).image();
    }

    @Override
    public OfProject forProject(long project) {
        LabelStudioConnection connection = resolver.resolve(projects.find(project)).orElse(null);
        return (taskId, reference) -> fetcher.fetch(reference, taskId, connection).image();
    }

    /** The fetched bytes and decoded image, for the IDE's previews. */
    public FetchedImage fetch(long project, Long taskId, String reference) {
        LabelStudioConnection connection = resolver.resolve(projects.find(project)).orElse(null);
        return fetcher.fetch(reference, taskId, connection);
    }
}
