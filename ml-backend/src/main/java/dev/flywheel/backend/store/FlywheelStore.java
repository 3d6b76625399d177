package dev.flywheel.backend.store;

/**
 * Flywheel's durable state, one repository per aggregate; safe to use from many threads at once.
 *
 * <p>Every write has committed durably when its method returns. Closing releases the database; there is no
 * uncommitted state to lose.
 */
public interface FlywheelStore extends AutoCloseable {

    ProjectStore projects();

    TaskStore tasks();

    AnnotationStore annotations();

    DatasetQueries dataset();

    PredictionStore predictions();

    TrainingRunStore runs();

    ServedSampleStore samples();

    PrelabelJobStore prelabelJobs();

    AnnotatorStore annotators();

    @Override
    void close();
}
