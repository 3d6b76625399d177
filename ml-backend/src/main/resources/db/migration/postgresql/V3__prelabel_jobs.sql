-- Flywheel schema, version 3, for PostgreSQL: as sqlite/V3__prelabel_jobs.sql, background pre-label jobs. A job's row holds where it is (the next page of Label Studio's
-- task list to read) and its counters; a task row per task it dealt with, written in the same transaction as the
-- counters, so a job killed at any point goes on where it was and never predicts a task twice.

CREATE TABLE prelabel_job (
    id             TEXT    PRIMARY KEY,
    project_id     BIGINT  NOT NULL REFERENCES project (id),
    model_version  TEXT    NOT NULL,
    only_unlabeled INTEGER NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    next_page      INTEGER NOT NULL,
    total          BIGINT  NOT NULL,
    done           BIGINT  NOT NULL,
    skipped        BIGINT  NOT NULL,
    failed         BIGINT  NOT NULL,
    error          TEXT,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX prelabel_job_by_status ON prelabel_job (status);

CREATE TABLE prelabel_job_task (
    job_id  TEXT    NOT NULL REFERENCES prelabel_job (id),
    task_id BIGINT  NOT NULL,
    outcome TEXT    NOT NULL CHECK (outcome IN ('done', 'skipped', 'failed')),
    PRIMARY KEY (job_id, task_id)
);
