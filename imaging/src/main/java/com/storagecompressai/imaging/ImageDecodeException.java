package com.storagecompressai.imaging;

/**
 * An input we will not turn into pixels. The message is safe to show to clients: it names the bad input,
 * never internals; the cause, if any, is for the log.
 */
public abstract sealed class ImageDecodeException extends Exception
        permits UnsupportedFormatException, InvalidImageException, ImageTooLargeException {

    ImageDecodeException(String safeMessage, Throwable cause) {
        super(safeMessage, cause);
    }
}
