package com.storagecompressai.jpeg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Binary PPM (P6) and PGM (P5), 8-bit, as djpeg and cjpeg use them. */
final class Pnm {

    private Pnm() {
    }

    static RasterImage read(byte[] data) {
        int[] pos = {0};
        String magic = token(data, pos);
        int w = Integer.parseInt(token(data, pos));
        int h = Integer.parseInt(token(data, pos));
        int max = Integer.parseInt(token(data, pos));
        if (max != 255) {
            throw new IllegalArgumentException("only 8-bit PNM, maxval " + max);
        }
        pos[0]++; // single whitespace after maxval
        ColorChannels ch = switch (magic) {
            case "P6" -> ColorChannels.RGB;
            case "P5" -> ColorChannels.GRAY;
            default -> throw new IllegalArgumentException("not P5/P6: " + magic);
        };
        byte[] samples = java.util.Arrays.copyOfRange(data, pos[0], pos[0] + w * h * ch.bytesPerPixel());
        return new RasterImage(w, h, ch, samples);
    }

    static byte[] write(RasterImage image) {
        var out = new ByteArrayOutputStream();
        String header = (image.channels() == ColorChannels.RGB ? "P6" : "P5") + "\n" + image.width() + " "
                + image.height() + "\n255\n";
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(image.samples());
        return out.toByteArray();
    }

    private static String token(byte[] d, int[] pos) {
        while (true) {
            while (Character.isWhitespace(d[pos[0]])) {
                pos[0]++;
            }
            if (d[pos[0]] == '#') {
                while (d[pos[0]] != '\n') {
                    pos[0]++;
                }
            } else {
                break;
            }
        }
        int start = pos[0];
        while (!Character.isWhitespace(d[pos[0]])) {
            pos[0]++;
        }
        return new String(d, start, pos[0] - start, StandardCharsets.US_ASCII);
    }
}
