package dev.flywheel.backend.http.errors;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.http.FlywheelServer;
import dev.flywheel.model.json.FlywheelJson;
import io.javalin.http.BadRequestResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a failure tells the caller: a 4xx a sentence written for them, a 500 "internal error" with the request id that
 * the operator's log line carries too, and never a library's text (paths, class names, SQL).
 */
class ErrorsForCallersTest {

    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> LIBRARY_TEXT = List.of("/var/lib", "SQLITE", "SELECT", "For input string", "Exception",
            "dev.flywheel", "java.", "deserialize");
    private static FlywheelServer server;
    private static URI base;

    @BeforeAll
    static void start() {
        server = new FlywheelServer(MAPPER, Optional.empty(), new RequestOriginGuard(false, List.of()), List.of(app -> {
            app.get("/sql", ctx -> {
                throw new IllegalStateException("[SQLITE_CORRUPT] SELECT * FROM annotation in /var/lib/flywheel/flywheel.db");
            });
            app.get("/number", ctx -> Long.parseLong("For input string"));
            app.get("/javalin", ctx -> {
                throw new BadRequestResponse("Couldn't deserialize body to dev.flywheel.model.labelstudio.SetupRequest");
            });
            app.get("/ours", ctx -> {
                throw ApiException.badRequest("invalid_page", "limit must be between 1 and 500");
            });
        })).start("127.0.0.1", 0);
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInternalErrorSaysSoWithTheRequestIdTheLogLineAndTheHeaderCarry() throws Exception {
        ListAppender<ILoggingEvent> log = capture();
        try {
            HttpResponse<String> response = get("/sql");

            assertThat(response.statusCode()).isEqualTo(500);
            JsonNode body = MAPPER.readTree(response.body());
            String id = body.path("fields").path("request_id").asText();
            assertThat(id).isNotBlank();
            assertThat(body.path("error").asText()).isEqualTo("internal_error");
            assertThat(body.path("detail").asText()).isEqualTo("internal error; request id " + id);
            assertThat(response.headers().firstValue(RequestIds.HEADER)).contains(id);
            assertThat(response.body()).doesNotContain(LIBRARY_TEXT);
            assertThat(log.list).anySatisfy(event -> {
                assertThat(event.getFormattedMessage()).contains(id);
                assertThat(event.getThrowableProxy().getMessage()).contains("SQLITE_CORRUPT");
            });
        } finally {
            release(log);
        }
    }

    @Test
    void aLibrarysRefusalOfAValueIsA400InOurWordsWithTheIdThatFindsItsText() throws Exception {
        HttpResponse<String> response = get("/number");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.path("detail").asText()).startsWith("the request has a value Flywheel cannot use");
        assertThat(response.body()).doesNotContain(LIBRARY_TEXT);
        assertThat(response.headers().firstValue(RequestIds.HEADER)).contains(body.path("fields").path("request_id").asText());
    }

    @Test
    void javalinsOwnTextsNamingOurClassesAreNotShown() throws Exception {
        HttpResponse<String> response = get("/javalin");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).path("detail").asText()).isEqualTo("the request was refused: Bad Request");
        assertThat(response.body()).doesNotContain(LIBRARY_TEXT);
    }

    @Test
    void aRefusalWrittenForTheCallerIsShownAsWrittenAndEveryAnswerCarriesAnId() throws Exception {
        HttpResponse<String> ours = get("/ours");
        HttpResponse<String> missing = get("/no-such-route");

        assertThat(ours.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(ours.body()).path("detail").asText()).isEqualTo("limit must be between 1 and 500");
        assertThat(ours.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).hasSize(16));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue(RequestIds.HEADER)).isPresent()
                .isNotEqualTo(ours.headers().firstValue(RequestIds.HEADER));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ListAppender<ILoggingEvent> capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(ErrorMapper.class).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger(ErrorMapper.class);
        logger.detachAppender(appender);
    }
}
