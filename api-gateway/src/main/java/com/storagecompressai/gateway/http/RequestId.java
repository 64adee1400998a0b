package com.storagecompressai.gateway.http;

import com.storagecompressai.engine.http.RequestIds;

/** The id that ties a response to its log line: the client's when it is sane, else a fresh one (the engine's rule). */
public final class RequestId {

    public static final String HEADER = RequestIds.HEADER;

    /** The current request's id, bound for the duration of the request. */
    public static final ScopedValue<String> CURRENT = ScopedValue.newInstance();

    private RequestId() {
    }

    /** Keeps {@code offered} when it is 1–64 of {@code [A-Za-z0-9._-]}, so it can go into logs and headers as is. */
    public static String accept(String offered) {
        return RequestIds.accept(offered);
    }
}
