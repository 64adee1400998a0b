package com.storagecompressai.engine.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes JSON answers (errors in {@link ErrorBody}'s shape, small status documents) on a Jetty 12 core
 * {@link Response}, completing {@code callback}. Public for the gateway's reuse.
 */
public final class JsonResponses {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private JsonResponses() {
    }

    public static void error(Response response, Callback callback, ErrorBody body) {
        json(response, callback, body.statusCode(), body.toJson());
    }

    public static void json(Response response, Callback callback, int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
