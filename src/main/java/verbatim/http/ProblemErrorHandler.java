package verbatim.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty answers itself, before a request reaches the API (a URI or headers too long, a
 * malformed request line, an encoded NUL in the path): problems too, not HTML pages.
 *
 * <p>Jetty closes the connection after such a request, so the answer says {@code Connection: close}: without it a
 * keep-alive client (Java's HttpClient, browsers, proxies) sends its next request down the dead connection and
 * gets no answer at all, which for a POST it must not retry.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private final int maxHeaderBytes;

    ProblemErrorHandler(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiServer.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(ApiServer.problemBody(code, detail(code, message)).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ApiServer.PROBLEM_JSON);
        fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        return ByteBuffer.wrap(ApiServer.problemBody(status, detail(status, reason)).getBytes(StandardCharsets.UTF_8));
    }

    private String detail(int status, String message) {
        return switch (status) {
            case 414, 431 -> "the request line and headers must fit in " + maxHeaderBytes / 1024 + " KiB";
            default -> message == null || message.isBlank() ? "the request could not be read" : message;
        };
    }
}
