package dev.flywheel.backend.store;

import java.util.List;
import java.util.Optional;

/** Projects and the history of their label configs. */
public interface ProjectStore {

    /**
     * Creates or updates a project; a changed label config or label set starts a new config revision.
     *
     * @return the project as stored after the save
     */
    Project save(ProjectDefinition definition);

    Optional<Project> find(long projectId);

    /** All projects, by id. */
    List<Project> list();

    /** The project's label configs, oldest first. */
    List<LabelConfigRevision> configHistory(long projectId);
}
