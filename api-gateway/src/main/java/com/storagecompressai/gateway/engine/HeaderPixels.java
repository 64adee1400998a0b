package com.storagecompressai.gateway.engine;

import java.util.OptionalLong;

/**
 * The pixel count an upload's header claims (JPEG, PNG, GIF, BMP, WebP), read without decoding, to admit
 * compressions by their memory cost. Empty for other formats or a header too short to tell.
 */
final class HeaderPixels {

    private HeaderPixels() {
    }

    static OptionalLong of(byte[] image) {
        var jpeg = JpegSize.of(image);
        if (jpeg.isPresent()) {
            return OptionalLong.of((long) jpeg.get().width() * jpeg.get().height());
        }
        if (startsWith(image, 0x89, 'P', 'N', 'G') && image.length >= 24) {
            return OptionalLong.of(u32be(image, 16) * u32be(image, 20));
        }
        if (startsWith(image, 'G', 'I', 'F') && image.length >= 10) {
            return OptionalLong.of((long) u16le(image, 6) * u16le(image, 8));
        }
        if (startsWith(image, 'B', 'M') && image.length >= 26) {
            return OptionalLong.of(Math.abs((long) s32le(image, 18)) * Math.abs((long) s32le(image, 22)));
        }
        if (startsWith(image, 'R', 'I', 'F', 'F') && image.length >= 30 && image[8] == 'W' && image[9] == 'E'
                && image[10] == 'B' && image[11] == 'P') {
            return webp(image);
        }
        return OptionalLong.empty();
    }

    private static OptionalLong webp(byte[] image) {
        String chunk = new String(image, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> OptionalLong.of((u24le(image, 24) + 1) * (u24le(image, 27) + 1));
            case "VP8L" -> {
                long bits = u32le(image, 21);
                yield OptionalLong.of(((bits & 0x3FFF) + 1) * (((bits >> 14) & 0x3FFF) + 1));
            }
            case "VP8 " -> OptionalLong.of((long) (u16le(image, 26) & 0x3FFF) * (u16le(image, 28) & 0x3FFF));
            default -> OptionalLong.empty();
        };
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long u32be(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int at) {
        return ((long) (b[at + 3] & 0xFF) << 24) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    private static int s32le(byte[] b, int at) {
        return (int) u32le(b, at);
    }

    private static long u24le(byte[] b, int at) {
        return ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    private static int u16le(byte[] b, int at) {
        return ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }
}
