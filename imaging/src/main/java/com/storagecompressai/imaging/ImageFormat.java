package com.storagecompressai.imaging;

import java.util.Optional;

/** The input formats we decode, recognised by their magic bytes only (never by name or Content-Type). */
public enum ImageFormat {
    JPEG("jpeg"),
    PNG("png"),
    GIF("gif"),
    BMP("bmp"),
    TIFF("tiff"),
    WEBP("webp");

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format name ImageIO registers readers under. */
    String imageIoName() {
        return imageIoName;
    }

    /** The format whose signature starts {@code bytes}, or empty when none matches. Does not modify its input. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        // "BM" alone is too weak (plain text starts with it): also require a known DIB header size.
        if (startsWith(bytes, 0, 'B', 'M') && bytes.length >= 26 && isDibHeaderSize(u32le(bytes, 14))) {
            return Optional.of(BMP);
        }
        if (startsWith(bytes, 0, 'I', 'I', 0x2A, 0x00) || startsWith(bytes, 0, 'M', 'M', 0x00, 0x2A)
                || startsWith(bytes, 0, 'I', 'I', 0x2B, 0x00) || startsWith(bytes, 0, 'M', 'M', 0x00, 0x2B)) {
            return Optional.of(TIFF);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean isDibHeaderSize(long size) {
        return size == 12 || size == 16 || size == 40 || size == 52 || size == 56 || size == 64 || size == 108
                || size == 124;
    }

    private static long u32le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (long) (b[i + 3] & 0xFF) << 24;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
