-- Flywheel schema, version 4, for PostgreSQL: as sqlite/V4__drift_tasks_and_annotator_names.sql, the task of each
-- served image (for the samples that moved most) and the names Label Studio sends for its users.

ALTER TABLE served_sample ADD COLUMN task_id BIGINT;
ALTER TABLE served_sample ADD COLUMN image_ref TEXT;

CREATE TABLE annotator (
    project_id BIGINT NOT NULL REFERENCES project (id),
    id         BIGINT NOT NULL,
    name       TEXT   NOT NULL,
    updated_at TEXT   NOT NULL,
    PRIMARY KEY (project_id, id)
);
