package com.storagecompressai.engine.api;

import java.util.Objects;

/**
 * A compression that did not produce a JPEG. {@link #getMessage()} is safe to show to clients: it names
 * the bad input, never internals. The cause, if any, is for the log only.
 */
public final class CompressionException extends Exception {

    private final ErrorCode code;

    public CompressionException(ErrorCode code, String safeMessage) {
        this(code, safeMessage, null);
    }

    public CompressionException(ErrorCode code, String safeMessage, Throwable cause) {
        super(safeMessage, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
