package com.storagecompressai.engine.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete answer, built by a route and written by {@link EngineHandler}. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static Reply json(int status, String json) {
        return new Reply(status, JsonResponses.CONTENT_TYPE, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** An error answer; a 503 says when to come back (api.md). */
    static Reply error(ErrorBody body) {
        Reply reply = json(body.statusCode(), body.toJson());
        return body.statusCode() == 503 ? reply.withHeaders(Map.of("Retry-After", "1")) : reply;
    }

    /** This answer with {@code extra} added to its headers (a header of the same name is replaced). */
    Reply withHeaders(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new Reply(status, contentType, body, Collections.unmodifiableMap(merged));
    }
}
