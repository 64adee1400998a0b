package com.storagecompressai.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete response, built before anything is written.
 *
 * @param body owned by the reply; never modified after construction
 * @param code the error code for logs and metrics, or null on success
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers, String code) {

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, byte[] body) {
        return new Reply(status, "application/json", body, Map.of(), null);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more, code);
    }

    public Reply withHeaders(Map<String, String> extra) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.putAll(extra);
        return new Reply(status, contentType, body, more, code);
    }
}
