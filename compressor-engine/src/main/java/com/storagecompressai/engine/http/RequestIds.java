package com.storagecompressai.engine.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The X-Request-Id of a response: the client's own when it is sane ({@code [A-Za-z0-9._-]{1,64}}, so it
 * is safe in headers and logs), else a new random one. Public for the gateway's reuse.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** @param fromClient the request's X-Request-Id header value, or null */
    public static String accept(String fromClient) {
        return isSane(fromClient) ? fromClient : newId();
    }

    public static boolean isSane(String id) {
        return id != null && SANE.matcher(id).matches();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
