package dev.flywheel.backend.prelabeljob;

/** Opens the predictor a job uses: one version, for the control and image of one label config. */
@FunctionalInterface
interface JobPredictors {

    /**
     * A predictor of {@code version} for the project's {@code labelConfig}.
     *
     * @throws JobFailedException when the version is unknown or cannot serve that config
     */
    JobPredictor open(long project, String version, String labelConfig);
}
