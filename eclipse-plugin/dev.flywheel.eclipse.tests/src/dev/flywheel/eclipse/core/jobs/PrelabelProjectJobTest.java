package dev.flywheel.eclipse.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.flywheel.eclipse.core.client.FakeBackend;
import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.model.api.PrelabelJobReply;
import dev.flywheel.model.api.PrelabelJobState;
import dev.flywheel.model.api.PrelabelJobStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrelabelProjectJobTest {

    private static final String JOBS = "/api/v1/projects/3/prelabel-jobs";
    private static final PrelabelJobStatus DONE = new PrelabelJobStatus("pl-1", "v2-abcd", PrelabelJobState.DONE, 120, 100, 18, 2,
            41.5, null, null);

    @Test
    void the_job_starts_the_backend_job_follows_it_to_the_end_and_hands_over_the_final_status() throws Exception {
        try (FakeBackend backend = FakeBackend.routed()
                .on("POST", JOBS, 202, new PrelabelJobReply("pl-1", PrelabelJobState.QUEUED))
                .on("GET", JOBS + "/pl-1", DONE)) {
            AtomicReference<Outcome<PrelabelJobStatus>> outcome = new AtomicReference<>();
            PrelabelProjectJob job = new PrelabelProjectJob(new FlywheelClient(backend.url()), 3, "Cats", 10, outcome::set);

            job.schedule();
            job.join();

            assertEquals(DONE, assertInstanceOf(Outcome.Done.class, outcome.get()).value());
            assertEquals(List.of("POST " + JOBS, "GET " + JOBS + "/pl-1"), backend.requests());
        }
    }

    @Test
    void a_refused_start_reaches_the_listener_as_a_sentence_and_cancel_is_a_delete() throws Exception {
        try (FakeBackend backend = FakeBackend.routed()
                .on("POST", JOBS, 409, "{\"error\":\"conflict\",\"detail\":\"project 3 has no active model version\"}")
                .on("DELETE", JOBS + "/pl-1", DONE)) {
            AtomicReference<Outcome<PrelabelJobStatus>> outcome = new AtomicReference<>();
            PrelabelProjectJob job = new PrelabelProjectJob(new FlywheelClient(backend.url()), 3, "Cats", 10, outcome::set);

            job.schedule();
            job.join();
            PrelabelJobStatus cancelled = new FlywheelClient(backend.url()).cancelPrelabel(3, "pl-1");

            Outcome.Failed<?> failed = assertInstanceOf(Outcome.Failed.class, outcome.get());
            assertEquals(true, failed.message().contains("no active model version"), failed.message());
            assertEquals(DONE, cancelled);
            assertEquals(List.of("POST " + JOBS, "DELETE " + JOBS + "/pl-1"), backend.requests());
        }
    }
}
