-- Flywheel schema, version 4: which task a served image belonged to, so a drift report can name the images that moved
-- most and the IDE can open them; and the names Label Studio sends for its users, so views show a person, not an id.
-- Rows served before this migration have no task (NULL), as have images /predict sent without a task id.

ALTER TABLE served_sample ADD COLUMN task_id INTEGER;
ALTER TABLE served_sample ADD COLUMN image_ref TEXT;

-- Label Studio's user ids are the annotation's completed_by; the name is the e-mail or user name it last sent for that id.
CREATE TABLE annotator (
    project_id INTEGER NOT NULL REFERENCES project (id),
    id         INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (project_id, id)
);
