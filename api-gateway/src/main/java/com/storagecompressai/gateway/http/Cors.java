package com.storagecompressai.gateway.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-origin access for browsers (CORS_ORIGINS): only the listed origins, compared exactly, get
 * {@code Access-Control-*} headers; any other origin, or none, gets none and the browser blocks the call.
 * The API key travels in {@code x-api-key}, never in cookies, so credentials are not allowed.
 */
public final class Cors {

    static final String ALLOW_METHODS = "POST";
    static final String ALLOW_HEADERS = "x-api-key, content-type, x-request-id";
    static final String EXPOSE_HEADERS = "X-Request-Id, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    public Cors(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    public static Cors none() {
        return new Cors(List.of());
    }

    /** Headers for an actual response to a request from {@code origin} (may be null). */
    public Map<String, String> responseHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (origins.isEmpty()) {
            return headers;
        }
        headers.put("Vary", "Origin");
        if (allows(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
        return headers;
    }

    /**
     * The answer to {@code OPTIONS} on {@code route}: 204 always (it says nothing a GET would not), with the
     * allow headers only for an allowed origin asking about POST.
     */
    public Reply preflight(String origin, String requestedMethod) {
        Reply reply = new Reply(204, null, new byte[0], Map.of("Allow", "OPTIONS, POST"), null);
        if (!allows(origin) || !ALLOW_METHODS.equals(requestedMethod)) {
            return reply;
        }
        return reply.withHeaders(Map.of(
                "Access-Control-Allow-Methods", ALLOW_METHODS,
                "Access-Control-Allow-Headers", ALLOW_HEADERS,
                "Access-Control-Max-Age", MAX_AGE_SECONDS));
    }

    private boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }
}
