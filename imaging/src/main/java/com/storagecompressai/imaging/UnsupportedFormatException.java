package com.storagecompressai.imaging;

/** The bytes are not in any format we read (SVG, HTML, ZIP, empty, garbage …). */
public final class UnsupportedFormatException extends ImageDecodeException {

    public UnsupportedFormatException(String safeMessage) {
        super(safeMessage, null);
    }
}
