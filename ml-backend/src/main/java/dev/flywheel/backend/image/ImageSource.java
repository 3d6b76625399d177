package dev.flywheel.backend.image;

import java.awt.image.BufferedImage;

/** Loads the decoded image a task's data points at, with the project's Label Studio credentials. */
@FunctionalInterface
public interface ImageSource {

    /**
     * @param project Label Studio project id, whose connection settings apply
     * @param taskId the task, needed by Label Studio's presign endpoint for cloud storage; may be null
     * @param reference the raw value of the task's image field
     */
    BufferedImage load(long project, Long taskId, String reference) throws Exception;

    /** The images of one project, its connection settings looked up once for all of them (a batch of one request). */
    default OfProject forProject(long project) {
        return (taskId, reference) -> load(project, taskId, reference);
    }

    /** Loads one project's task images. */
    @FunctionalInterface
    interface OfProject {

        /** As {@link ImageSource#load}, for the project this source was made for. */
        BufferedImage load(Long taskId, String reference) throws Exception;
    }
}
