package dev.flywheel.backend.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSectionsTest {

    private static final List<String> ORDER = List.of("## Replay", "## Scenes", "## Latency", "## Changes");

    private static final String PREVIOUS = """
            # Report

            | Last run | yesterday |

            ## Replay

            replay figures of yesterday

            ## Scenes

            scenes figures of yesterday

            ## Latency

            latency figures of yesterday

            ## Changes

            - old list
            """;

    @Test
    void aRunOfOneBenchmarkReplacesItsSectionAndKeepsEveryOther() {
        String fresh = """
                # Report

                | Last run | today |

                ## Scenes

                scenes figures of today

                ## Changes

                - new list
                """;

        String merged = ReportSections.merge(PREVIOUS, fresh, ORDER);

        assertThat(merged).contains("| Last run | today |").doesNotContain("yesterday |");
        assertThat(merged).contains("replay figures of yesterday", "scenes figures of today", "latency figures of yesterday", "- new list");
        assertThat(merged).doesNotContain("scenes figures of yesterday", "- old list");
        assertThat(merged.indexOf("## Replay")).isLessThan(merged.indexOf("## Scenes"));
        assertThat(merged.indexOf("## Scenes")).isLessThan(merged.indexOf("## Latency"));
        assertThat(merged.indexOf("## Latency")).isLessThan(merged.indexOf("## Changes"));
    }

    @Test
    void aSectionTheOldReportLackedIsAddedInItsPlaceAndUnknownOldSectionsStay() {
        String previous = """
                # Report

                ## Scenes

                scenes of yesterday

                ## Something retired

                kept as it was
                """;
        String fresh = """
                # Report

                ## Replay

                replay of today
                """;

        String merged = ReportSections.merge(previous, fresh, ORDER);

        assertThat(merged.indexOf("## Replay")).isLessThan(merged.indexOf("## Scenes"));
        assertThat(merged).contains("scenes of yesterday", "kept as it was", "replay of today");
    }

    @Test
    void aBenchmarkThatRunsAloneReplacesItsOwnSectionOrAddsItAndKeepsThePreambleAndEveryOther() {
        String replaced = ReportSections.replace(PREVIOUS, "## Scenes\n\nscenes figures of today\n");
        String added = ReportSections.replace(PREVIOUS, "## Replicas\n\nreplica figures\n");

        assertThat(replaced).startsWith("# Report").contains("| Last run | yesterday |", "replay figures of yesterday",
                "scenes figures of today", "latency figures of yesterday", "- old list").doesNotContain("scenes figures of yesterday");
        assertThat(replaced.indexOf("## Scenes")).isLessThan(replaced.indexOf("## Latency"));
        assertThat(added).contains("scenes figures of yesterday", "- old list").endsWith("## Replicas\n\nreplica figures\n");
    }

    @Test
    void aFullRunWritesItsOwnReport() {
        String merged = ReportSections.merge(PREVIOUS, PREVIOUS.replace("yesterday", "today"), ORDER);

        assertThat(merged).isEqualTo(PREVIOUS.replace("yesterday", "today"));
    }
}
