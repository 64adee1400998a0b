package com.storagecompressai.gateway.http;

import com.storagecompressai.engine.api.ErrorCode;
import java.util.Objects;

/** A request the gateway refuses. The message is safe to show to the client. */
public final class RequestException extends RuntimeException {

    private final ErrorCode code;

    public RequestException(ErrorCode code, String safeMessage) {
        super(safeMessage, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
