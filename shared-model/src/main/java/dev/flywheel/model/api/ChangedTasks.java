package dev.flywheel.model.api;

import java.util.List;

/**
 * Hold-out tasks whose correctness changed between two versions.
 *
 * @param fixed task ids wrong in base, right in candidate
 * @param broken task ids right in base, wrong in candidate
 */
public record ChangedTasks(List<Long> fixed, List<Long> broken) {

    public ChangedTasks {
        fixed = Checks.list(fixed);
        broken = Checks.list(broken);
    }
}
