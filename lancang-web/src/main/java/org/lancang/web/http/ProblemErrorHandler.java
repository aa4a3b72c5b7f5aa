package org.lancang.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.lancang.errors.FieldError;

/**
 * Jetty's own errors as {@code application/problem+json}, like every other error of the API: requests Jetty refuses
 * before Lancang sees them (a URI too long: 414; headers too large: 431; a URL it cannot parse: 400) and anything else
 * its error page would show. Never a stack trace.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    /** A request Jetty's parser refused (no servlet ran). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(body(status, reason, null));
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int status = response.getStatus();
        Object message = request.getAttribute("jakarta.servlet.error.message");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body(status, message == null ? null : message.toString(), target));
        base.setHandled(true);
    }

    private static byte[] body(int status, String reason, String path) {
        String field = switch (status) {
            case 414 -> "uri";
            case 431 -> "headers";
            default -> null;
        };
        String detail = switch (status) {
            case 414 -> "the URI is too long";
            case 431 -> "the request's headers are too large";
            case 400 -> "the request cannot be read" + (reason == null ? "" : ": " + reason);
            default -> reason == null ? Problem.title(status) : reason;
        };
        Problem problem =
                Problem.of(status, detail, path, field == null ? List.of() : List.of(new FieldError(field, detail)));
        try {
            return Json.MAPPER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
