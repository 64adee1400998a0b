package com.storagecompressai.engine.http;

import com.storagecompressai.engine.api.ErrorCode;

/** A request we refuse before compressing; the message is safe to show to the client. */
final class RequestException extends Exception {

    private final ErrorCode code;

    RequestException(ErrorCode code, String safeMessage) {
        super(safeMessage, null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
