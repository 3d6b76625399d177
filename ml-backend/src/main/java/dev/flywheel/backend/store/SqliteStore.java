package dev.flywheel.backend.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The {@link FlywheelStore} in one SQLite file: opened in WAL mode, migrated to the newest schema on open.
 *
 * <p>All writes go through one connection under a lock with {@code synchronous=FULL}; reads use a small pool of
 * their own connections and are never blocked by a running write.
 */
public final class SqliteStore implements FlywheelStore {

    /** The database file's name inside {@code FLYWHEEL_HOME}. */
    public static final String FILE_NAME = "flywheel.db";

    private final SqliteDatabase database;
    private final ProjectStore projects;
    private final TaskStore tasks;
    private final AnnotationStore annotations;
    private final DatasetQueries dataset;
    private final PredictionStore predictions;
    private final TrainingRunStore runs;
    private final ServedSampleStore samples;

    private SqliteStore(SqliteDatabase database, Clock clock) {
        this.database = database;
        LabelsJson json = new LabelsJson();
        this.projects = new SqliteProjects(database, json, clock);
        this.tasks = new SqliteTasks(database);
        this.annotations = new SqliteAnnotations(database, json);
        this.dataset = new SqliteDatasetQueries(database, json);
        this.predictions = new SqlitePredictions(database, json);
        this.runs = new SqliteTrainingRuns(database, clock);
        this.samples = new SqliteServedSamples(database, ServedSampleStore.MAX_PER_PROJECT);
    }

    /** Opens (creating when absent) {@value #FILE_NAME} under Flywheel's home folder. */
    public static SqliteStore openInHome(Path flywheelHome, Clock clock) {
        return open(flywheelHome.resolve(FILE_NAME), clock);
    }

    /** Opens (creating when absent) the database file and applies any missing migration. */
    public static SqliteStore open(Path file, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        SqliteDatabase database = SqliteDatabase.open(file, SqliteDatabase.DEFAULT_READERS);
        try {
            Migrations.apply(database.dataSource(), Migrations.SQLITE);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new SqliteStore(database, clock);
    }

    /** The database file. */
    public Path file() {
        return database.file();
    }

    SqliteDatabase database() {
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
    public void close() {
        database.close();
    }
}
