package dev.flywheel.backend.inference;

import ai.djl.engine.Engine;

/**
 * Which deep-learning engine serves predictions, loaded once at start so a missing native library
 * fails the start, not the first prediction.
 */
public record EngineInfo(String name, String version) {

    /** Loads DJL's PyTorch engine from the classpath (no download: DJL runs offline). */
    public static EngineInfo loadPyTorch() {
        Engine engine = Engine.getEngine("PyTorch");
        return new EngineInfo(engine.getEngineName(), engine.getVersion());
    }

    @Override
    public String toString() {
        return name + " " + version;
    }
}
