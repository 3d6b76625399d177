-- Flywheel schema, version 1. Times are fixed-width UTC text (yyyy-MM-ddTHH:mm:ss.SSSSSSZ) so they sort as text.
-- Label lists are JSON arrays of strings; raw Label Studio payloads are kept verbatim as JSON text.

CREATE TABLE project (
    id              INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL,
    label_config    TEXT    NOT NULL,
    labels_json     TEXT    NOT NULL,
    task_type       TEXT    NOT NULL,
    config_revision INTEGER NOT NULL,
    active_version  TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

-- Every label config a project has had, so a model version can name the label set it was trained on.
CREATE TABLE label_config_revision (
    project_id   INTEGER NOT NULL REFERENCES project (id),
    revision     INTEGER NOT NULL,
    label_config TEXT    NOT NULL,
    labels_json  TEXT    NOT NULL,
    task_type    TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (project_id, revision)
);

CREATE TABLE task (
    project_id INTEGER NOT NULL REFERENCES project (id),
    id         INTEGER NOT NULL,
    data_json  TEXT    NOT NULL,
    image_ref  TEXT,
    created_at TEXT    NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, id)
);

-- No foreign key to task: Label Studio may send an annotation before (or without) the task it belongs to.
CREATE TABLE annotation (
    project_id    INTEGER NOT NULL REFERENCES project (id),
    id            INTEGER NOT NULL,
    task_id       INTEGER NOT NULL,
    completed_by  INTEGER,
    created_at    TEXT,
    updated_at    TEXT,
    lead_time_s   REAL,
    result_json   TEXT    NOT NULL,
    labels_json   TEXT    NOT NULL,
    was_cancelled INTEGER NOT NULL,
    ground_truth  INTEGER NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0,
    change_seq    INTEGER NOT NULL,
    PRIMARY KEY (project_id, id)
);
CREATE UNIQUE INDEX annotation_by_change_seq ON annotation (change_seq);
CREATE INDEX annotation_by_project_seq ON annotation (project_id, change_seq);
CREATE INDEX annotation_by_task ON annotation (project_id, task_id);

CREATE TABLE prediction (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id         INTEGER NOT NULL REFERENCES project (id),
    task_id            INTEGER NOT NULL,
    model_version      TEXT    NOT NULL,
    labels_json        TEXT    NOT NULL,
    result_json        TEXT    NOT NULL,
    score              REAL,
    probabilities_json TEXT,
    served_at          TEXT    NOT NULL
);
CREATE INDEX prediction_by_task ON prediction (project_id, task_id, id);

CREATE TABLE training_run (
    project_id          INTEGER NOT NULL REFERENCES project (id),
    version             TEXT    NOT NULL,
    parent_version      TEXT,
    status              TEXT    NOT NULL CHECK (status IN ('queued', 'training', 'ready', 'failed')),
    created_at          TEXT    NOT NULL,
    started_at          TEXT,
    finished_at         TEXT,
    trained_through_seq INTEGER,
    trained_on          INTEGER,
    dataset_size        INTEGER,
    metrics_json        TEXT,
    manifest_path       TEXT,
    error_message       TEXT,
    PRIMARY KEY (project_id, version),
    FOREIGN KEY (project_id, parent_version) REFERENCES training_run (project_id, version)
);
CREATE INDEX training_run_by_status ON training_run (status);
