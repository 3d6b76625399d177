package dev.flywheel.model.labelstudio;

/**
 * Reads Label Studio's project uid {@code "<projectId>.<createdAtUnixSeconds>"} (or a bare {@code "42"}).
 */
public final class ProjectUid {

    private ProjectUid() {}

    /**
     * The numeric project id: the part before the first dot.
     *
     * @throws IllegalArgumentException when the uid is missing or does not start with a non-negative integer
     */
    public static long idOf(String uid) {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("project uid is missing");
        }
        int dot = uid.indexOf('.');
        String head = (dot < 0 ? uid : uid.substring(0, dot)).strip();
        try {
            long id = Long.parseLong(head);
            if (id < 0 || head.startsWith("+")) {
                throw new NumberFormatException(head);
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("project uid '" + uid + "' does not start with a project id", e);
        }
    }
}
