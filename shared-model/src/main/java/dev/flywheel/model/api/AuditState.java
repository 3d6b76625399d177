package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the cross-validation audit that label issues build on stands.
 *
 * @param status {@link #DONE} (the issues come from the newest version's audit), {@link #RUNNING} (the worker has yet to
 *     audit the newest version: the list is provisional), {@link #OFF} (audits are turned off) or {@link #NONE} (no version yet)
 * @param version the version audited or to be audited, or null
 * @param startedAt when the audit started (ISO-8601), or null if it has not or the backend does not know
 * @param finishedAt when the audit was written (ISO-8601), or null until it is
 */
public record AuditState(String status, String version, @JsonProperty("started_at") String startedAt,
        @JsonProperty("finished_at") String finishedAt) {

    /** The newest version's audit is written. */
    public static final String DONE = "done";
    /** The newest version is still to be audited. */
    public static final String RUNNING = "running";
    /** The operator turned audits off (FLYWHEEL_AUDIT_FOLDS=0). */
    public static final String OFF = "off";
    /** No version was trained yet. */
    public static final String NONE = "none";

    public AuditState {
        Checks.required("status", status);
    }

    /** A state without times. */
    public AuditState(String status, String version) {
        this(status, version, null, null);
    }

    /** Whether the issues may still change once the audit is written. */
    public boolean provisional() {
        return RUNNING.equals(status);
    }
}
