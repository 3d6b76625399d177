package dev.flywheel.eclipse.core.client;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flywheel.model.api.ModelStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlywheelClientTest {

    @Test
    void every_read_endpoint_is_asked_at_its_contract_path_and_parsed_into_shared_records() throws Exception {
        try (FakeBackend backend = SampleProject.serve(FakeBackend.routed())) {
            FlywheelClient client = new FlywheelClient(backend.url());

            assertAll(
                    () -> assertEquals(SampleProject.PROJECTS, client.projects()),
                    () -> assertEquals(SampleProject.STATS, client.stats(3)),
                    () -> assertEquals(SampleProject.MODELS, client.models(3)),
                    () -> assertEquals(SampleProject.DETAIL_V2, client.model(3, SampleProject.V2)),
                    () -> assertEquals(SampleProject.CURVE, client.learningCurve(3)),
                    () -> assertEquals(SampleProject.FLYWHEEL, client.flywheel(3)),
                    () -> assertEquals(SampleProject.DRIFT, client.drift(3)),
                    () -> assertEquals(SampleProject.ISSUES, client.labelIssues(3, 50, null)));
            assertEquals(List.of("GET /api/v1/projects", "GET /api/v1/projects/3/stats", "GET /api/v1/projects/3/models",
                    "GET /api/v1/projects/3/models/" + SampleProject.V2, "GET /api/v1/projects/3/learning-curve",
                    "GET /api/v1/projects/3/flywheel", "GET /api/v1/projects/3/drift",
                    "GET /api/v1/projects/3/label-issues?limit=50"), backend.requests());
        }
    }

    @Test
    void the_tasks_page_sends_label_issue_order_and_cursor_filters_as_query_parameters() throws Exception {
        try (FakeBackend backend = SampleProject.serve(FakeBackend.routed())) {
            FlywheelClient client = new FlywheelClient(backend.url());

            client.tasks(3, TaskQuery.all());
            var page = client.tasks(3, TaskQuery.all().withLabel("big cat").withIssuesOnly(true).orderedByUncertainty(true)
                    .after("c2"));

            assertAll(
                    () -> assertEquals("c2", page.nextCursor()),
                    () -> assertEquals(2, page.tasks().size()),
                    () -> assertEquals(List.of("GET /api/v1/projects/3/tasks?limit=100",
                            "GET /api/v1/projects/3/tasks?limit=100&label=big%20cat&has_issue=true&order=uncertainty&cursor=c2"),
                            backend.requests()));
        }
    }

    @Test
    void compare_sends_both_versions_and_train_and_activate_are_posts() throws Exception {
        try (FakeBackend backend = SampleProject.serve(FakeBackend.routed())) {
            FlywheelClient client = new FlywheelClient(backend.url());

            var comparison = client.compare(3, SampleProject.V1, SampleProject.V2);
            var queued = client.train(3);
            var activated = client.activate(3, SampleProject.V1);

            assertAll(
                    () -> assertEquals(SampleProject.COMPARE, comparison),
                    () -> assertEquals(ModelStatus.QUEUED, queued.status()),
                    () -> assertEquals(SampleProject.V2, activated.version()),
                    () -> assertEquals(List.of(
                            "GET /api/v1/projects/3/compare?base=" + SampleProject.V1 + "&candidate=" + SampleProject.V2,
                            "POST /api/v1/projects/3/train",
                            "POST /api/v1/projects/3/models/" + SampleProject.V1 + "/activate"), backend.requests()));
        }
    }

    @Test
    void the_task_image_comes_back_as_the_bytes_the_backend_sent() throws Exception {
        try (FakeBackend backend = SampleProject.serve(FakeBackend.routed())) {
            byte[] image = new FlywheelClient(backend.url()).taskImage(3, 11);

            assertArrayEquals(Png.TINY, image);
            assertEquals(List.of("GET /api/v1/projects/3/tasks/11/image"), backend.requests());
        }
    }

    @Test
    void a_configured_user_sends_basic_auth_on_every_request_and_no_user_sends_none() throws Exception {
        try (FakeBackend backend = SampleProject.serve(FakeBackend.routed())) {
            new FlywheelClient(backend.url(), "ann", "s3cret").projects();
            new FlywheelClient(backend.url(), "ann", "s3cret").taskImage(3, 11);
            new FlywheelClient(backend.url(), " ", "ignored").projects();

            String expected = "Basic " + Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8));
            var recorded = backend.recorded();
            assertAll(
                    () -> assertEquals(expected, recorded.get(0).authorization()),
                    () -> assertEquals(expected, recorded.get(1).authorization()),
                    () -> assertNull(recorded.get(2).authorization()));
        }
    }

    @Test
    void an_api_error_body_becomes_a_message_with_the_detail_and_the_stable_key() throws Exception {
        try (FakeBackend backend = FakeBackend.routed()
                .on("GET", "/api/v1/projects/9/stats", 404, "{\"error\":\"project_not_found\",\"detail\":\"No project 9.\"}")) {
            BackendException e = assertThrows(BackendException.class, () -> new FlywheelClient(backend.url()).stats(9));

            assertAll(
                    () -> assertEquals("The Flywheel backend at " + backend.url()
                            + " answered GET /api/v1/projects/9/stats with HTTP 404: No project 9. (project_not_found)",
                            e.getMessage()),
                    () -> assertEquals(404, e.status()),
                    () -> assertEquals("project_not_found", e.apiError().orElseThrow().error()));
        }
    }

    @Test
    void a_non_2xx_reply_without_an_error_body_is_reported_with_its_status() throws Exception {
        try (FakeBackend backend = FakeBackend.answering(502, "<html>Bad gateway</html>")) {
            BackendException e = assertThrows(BackendException.class, () -> new FlywheelClient(backend.url()).health());

            assertTrue(e.getMessage().contains("GET /health with HTTP 502."), e.getMessage());
            assertTrue(e.apiError().isEmpty());
        }
    }

    @Test
    void health_parses_status_and_model_class_and_a_trailing_slash_is_not_doubled() throws Exception {
        try (FakeBackend backend = FakeBackend.answering(200, "{\"status\":\"UP\",\"model_class\":\"Flywheel\",\"extra\":1}")) {
            BackendHealth health = new FlywheelClient(backend.url() + "/").health();

            assertAll(
                    () -> assertEquals("Flywheel", health.modelClass()),
                    () -> assertTrue(health.isUp()),
                    () -> assertEquals(List.of("GET /health"), backend.requests()));
        }
    }

    @Test
    void a_refused_connection_says_the_backend_cannot_be_reached() throws Exception {
        String url;
        try (FakeBackend stopped = FakeBackend.answering(200, "{}")) {
            url = stopped.url();
        }

        BackendException e = assertThrows(BackendException.class, () -> new FlywheelClient(url).projects());

        assertAll(
                () -> assertTrue(e.getMessage().startsWith("Cannot reach the Flywheel backend at " + url), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("connection refused"), e.getMessage()),
                () -> assertEquals(0, e.status()));
    }

    @Test
    void a_reply_that_breaks_the_contract_is_reported_as_unreadable() throws Exception {
        try (FakeBackend backend = FakeBackend.answering(200, "{\"model_class\":\"Flywheel\"}")) {
            BackendException e = assertThrows(BackendException.class, () -> new FlywheelClient(backend.url()).health());

            assertTrue(e.getMessage().contains("a reply Flywheel cannot read"), e.getMessage());
        }
    }

    @Test
    void only_absolute_http_urls_are_accepted() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> new FlywheelClient("127.0.0.1:9090")),
                () -> assertThrows(IllegalArgumentException.class, () -> new FlywheelClient("ftp://127.0.0.1")),
                () -> assertFalse(new FlywheelClient("http://127.0.0.1:9090/").baseUrl().endsWith("/")));
    }
}
