package dev.flywheel.model.labelstudio;

/** The checks every region shares, kept in one place so the region records stay declarative. */
final class RegionChecks {

    private RegionChecks() {}

    static void check(String fromName, String toName, Double score, Double imageRotation) {
        Copies.required("from_name", fromName);
        Copies.required("to_name", toName);
        Copies.finite("score", score);
        Copies.finite("image_rotation", imageRotation);
    }
}
