package dev.flywheel.backend.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.error.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own refusals — a URI it cannot parse, a malformed request line, a header too large — as an {@link ApiError},
 * not an HTML page: they happen before Javalin sees the request, so {@link ErrorMapper} cannot reach them.
 *
 * <p>The detail is the status's standard reason only; Jetty's message can quote the offending input.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;

    public JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
            int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setStatus(code);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = body(code);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int code) {
        String reason = HttpStatus.getMessage(code);
        try {
            return mapper.writeValueAsBytes(new ApiError("http_" + code, "the request was refused: " + reason, null));
        } catch (JsonProcessingException e) {
            return ("{\"error\":\"http_" + code + "\",\"detail\":\"refused\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
