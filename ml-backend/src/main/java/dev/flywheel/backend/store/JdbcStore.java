package dev.flywheel.backend.store;

import java.time.Clock;

/** The repositories over one {@link Database}, whichever vendor runs it: the SQL is the same for both. */
abstract class JdbcStore implements FlywheelStore {

    private final Database database;
    private final ProjectStore projects;
    private final TaskStore tasks;
    private final AnnotationStore annotations;
    private final DatasetQueries dataset;
    private final PredictionStore predictions;
    private final TrainingRunStore runs;
    private final ServedSampleStore samples;
    private final PrelabelJobStore prelabelJobs;
    private final AnnotatorStore annotators;

    JdbcStore(Database database, Clock clock) {
        this.database = database;
        LabelsJson json = new LabelsJson();
        this.projects = new JdbcProjects(database, json, clock);
        this.tasks = new JdbcTasks(database);
        this.annotations = new JdbcAnnotations(database, json);
        this.dataset = new JdbcDatasetQueries(database, json);
        this.predictions = new JdbcPredictions(database, json);
        this.runs = new JdbcTrainingRuns(database, clock);
        this.samples = new JdbcServedSamples(database, ServedSampleStore.MAX_PER_PROJECT);
        this.prelabelJobs = new JdbcPrelabelJobs(database, clock);
        this.annotators = new JdbcAnnotators(database, clock);
    }

    Database database() {
        return database;
    }

    @Override
    public ProjectStore projects() {
        return projects;
    }

    @Override
    public TaskStore tasks() {
        return tasks;
    }

    @Override
    public AnnotationStore annotations() {
        return annotations;
    }

    @Override
    public DatasetQueries dataset() {
        return dataset;
    }

    @Override
    public PredictionStore predictions() {
        return predictions;
    }

    @Override
    public TrainingRunStore runs() {
        return runs;
    }

    @Override
    public ServedSampleStore samples() {
        return samples;
    }

    @Override
    public PrelabelJobStore prelabelJobs() {
        return prelabelJobs;
    }

    @Override
    public AnnotatorStore annotators() {
        return annotators;
    }

    @Override
    public void close() {
        database.close();
    }
}
