package com.storagecompressai.gateway.http;

import com.storagecompressai.engine.api.ErrorCode;
import java.util.Arrays;

/**
 * The code for a client that stopped sending: REQUEST_TIMEOUT (408) once the engine's installed ErrorCode has
 * it (added alongside this work), INVALID_REQUEST (400) against an older engine artifact.
 */
public final class ReadTimeout {

    public static final ErrorCode CODE = Arrays.stream(ErrorCode.values())
            .filter(code -> code.name().equals("REQUEST_TIMEOUT"))
            .findFirst()
            .orElse(ErrorCode.INVALID_REQUEST);

    private ReadTimeout() {
    }

    public static RequestException exception(String safeMessage) {
        return new RequestException(CODE, safeMessage);
    }
}
