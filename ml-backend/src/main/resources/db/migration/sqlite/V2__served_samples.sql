-- Flywheel schema, version 2: what /predict saw, one row per served image, for drift tests against the version's
-- training images. The embedding is the serving version's, as little-endian float32; the features are measured on the
-- original decoded image. The store keeps only each project's newest rows, so the table never grows with traffic.

CREATE TABLE served_sample (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id    INTEGER NOT NULL REFERENCES project (id),
    model_version TEXT    NOT NULL,
    served_at     TEXT    NOT NULL,
    embedding     BLOB    NOT NULL,
    brightness    REAL    NOT NULL,
    contrast      REAL    NOT NULL,
    width         REAL    NOT NULL,
    height        REAL    NOT NULL,
    aspect_ratio  REAL    NOT NULL
);
CREATE INDEX served_sample_by_version ON served_sample (project_id, model_version, id);
CREATE INDEX served_sample_by_project ON served_sample (project_id, id);
