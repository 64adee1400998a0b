package com.storagecompressai.imaging;

/** The bytes start like a format we know but are corrupt or truncated. */
public final class InvalidImageException extends ImageDecodeException {

    public InvalidImageException(String safeMessage, Throwable cause) {
        super(safeMessage, cause);
    }
}
