package dev.flywheel.eclipse.core.client;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendClientTest {

    @Test
    void health_parses_status_and_model_class_from_the_backend_reply() throws Exception {
        try (FakeBackend backend = FakeBackend.answering(200, "{\"status\":\"UP\",\"model_class\":\"Flywheel\",\"extra\":1}")) {
            BackendHealth health = new BackendClient(backend.url()).health();

            assertAll(
                    () -> assertEquals("UP", health.status()),
                    () -> assertEquals("Flywheel", health.modelClass()),
                    () -> assertTrue(health.isUp()),
                    () -> assertEquals(java.util.List.of("GET /health"), backend.requests()));
        }
    }

    @Test
    void a_trailing_slash_in_the_configured_url_does_not_double_the_slash_in_the_request() throws Exception {
        try (FakeBackend backend = FakeBackend.answering(200, "{\"status\":\"UP\"}")) {
            new BackendClient(backend.url() + "/").health();

            assertEquals(java.util.List.of("GET /health"), backend.requests());
        }
    }

    @Test
    void a_non_2xx_reply_is_reported_with_its_status_and_the_backend_detail() throws Exception {
        try (FakeBackend backend = FakeBackend.answering(503,
                "{\"error\":\"model_not_ready\",\"detail\":\"The model is still loading.\"}")) {
            BackendException e = assertThrows(BackendException.class, () -> new BackendClient(backend.url()).health());

            assertAll(
                    () -> assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage()),
                    () -> assertTrue(e.getMessage().contains("The model is still loading."), e.getMessage()),
                    () -> assertTrue(e.getMessage().contains(backend.url()), e.getMessage()));
        }
    }

    @Test
    void a_non_2xx_reply_without_an_error_body_is_reported_with_its_status() throws Exception {
        try (FakeBackend backend = FakeBackend.answering(502, "<html>Bad gateway</html>")) {
            BackendException e = assertThrows(BackendException.class, () -> new BackendClient(backend.url()).health());

            assertTrue(e.getMessage().contains("GET /health with HTTP 502."), e.getMessage());
        }
    }

    @Test
    void a_refused_connection_says_the_backend_cannot_be_reached() throws Exception {
        String url;
        try (FakeBackend stopped = FakeBackend.answering(200, "{}")) {
            url = stopped.url();
        }

        BackendException e = assertThrows(BackendException.class, () -> new BackendClient(url).health());

        assertAll(
                () -> assertTrue(e.getMessage().startsWith("Cannot reach the Flywheel backend at " + url), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("connection refused"), e.getMessage()));
    }

    @Test
    void a_reply_without_status_is_not_taken_for_a_healthy_backend() throws Exception {
        try (FakeBackend backend = FakeBackend.answering(200, "{\"model_class\":\"Flywheel\"}")) {
            BackendException e = assertThrows(BackendException.class, () -> new BackendClient(backend.url()).health());

            assertTrue(e.getMessage().contains("a reply Flywheel cannot read"), e.getMessage());
        }
    }

    @Test
    void only_absolute_http_urls_are_accepted() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> new BackendClient("127.0.0.1:9090")),
                () -> assertThrows(IllegalArgumentException.class, () -> new BackendClient("ftp://127.0.0.1")),
                () -> assertFalse(new BackendClient("http://127.0.0.1:9090/").baseUrl().endsWith("/")));
    }
}
