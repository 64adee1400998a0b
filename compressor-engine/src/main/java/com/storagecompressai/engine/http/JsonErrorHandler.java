package com.storagecompressai.engine.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (unparseable requests, oversized headers, failures outside our handler) in our
 * JSON shape instead of Jetty's HTML page, with an X-Request-Id and never a stack trace. Public for the
 * gateway's reuse: {@code server.setErrorHandler(new JsonErrorHandler())}.
 */
public final class JsonErrorHandler extends ErrorHandler {

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(RequestIds.HEADER, RequestIds.accept(request.getHeaders().get(RequestIds.HEADER)));
        JsonResponses.error(response, callback, bodyFor(status));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JsonResponses.CONTENT_TYPE);
        fields.put(RequestIds.HEADER, RequestIds.newId());
        return ByteBuffer.wrap(bodyFor(status).toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** The body for a bare HTTP status (see {@link ErrorMapper#forStatus}); 4xx never turn into 500s. */
    public static ErrorBody bodyFor(int status) {
        return ErrorMapper.forStatus(status);
    }
}
