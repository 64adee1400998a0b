package com.storagecompressai.engine.cli;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;

/**
 * Binary Netpbm: P5 (PGM, grey) and P6 (PPM, RGB), maxval 1–65535 (two big-endian bytes a sample above
 * 255), samples scaled to 8 bits. ImageIO has no reader for them; test corpora often come this way.
 */
final class PnmReader {

    private final byte[] bytes;
    private int pos;

    private PnmReader(byte[] bytes) {
        this.bytes = bytes;
    }

    static boolean isPnm(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == 'P' && (bytes[1] == '5' || bytes[1] == '6')
                && isSpace(bytes[2]);
    }

    /** @throws IllegalArgumentException naming what is wrong with the file */
    static RasterImage read(byte[] bytes) {
        if (!isPnm(bytes)) {
            throw new IllegalArgumentException("not a binary PGM/PPM file (P5 or P6)");
        }
        return new PnmReader(bytes).readImage();
    }

    private RasterImage readImage() {
        ColorChannels channels = bytes[1] == '5' ? ColorChannels.GRAY : ColorChannels.RGB;
        pos = 2;
        int width = header("width");
        int height = header("height");
        int maxval = header("maxval");
        if (width < 1 || height < 1 || maxval < 1 || maxval > 65_535) {
            throw new IllegalArgumentException("bad PNM header: " + width + "x" + height + " maxval " + maxval);
        }
        pos++; // exactly one whitespace byte ends the header
        int bytesPerSample = maxval > 255 ? 2 : 1;
        long count = (long) width * height * channels.bytesPerPixel();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("PNM image too large: " + width + "x" + height);
        }
        if (bytes.length - pos < count * bytesPerSample) {
            throw new IllegalArgumentException("PNM file truncated: expected " + count * bytesPerSample
                    + " sample bytes, found " + (bytes.length - pos));
        }
        byte[] samples = new byte[(int) count];
        for (int i = 0; i < samples.length; i++) {
            int value = bytesPerSample == 1 ? bytes[pos + i] & 0xFF
                    : (bytes[pos + 2 * i] & 0xFF) << 8 | (bytes[pos + 2 * i + 1] & 0xFF);
            samples[i] = (byte) (maxval == 255 ? value : (Math.min(value, maxval) * 255 + maxval / 2) / maxval);
        }
        return new RasterImage(width, height, channels, samples);
    }

    private int header(String field) {
        skipSpaceAndComments();
        long value = 0;
        int start = pos;
        while (pos < bytes.length && bytes[pos] >= '0' && bytes[pos] <= '9' && value <= Integer.MAX_VALUE) {
            value = value * 10 + (bytes[pos++] - '0');
        }
        if (pos == start || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad PNM header: no " + field);
        }
        return (int) value;
    }

    private void skipSpaceAndComments() {
        while (pos < bytes.length) {
            if (bytes[pos] == '#') {
                while (pos < bytes.length && bytes[pos] != '\n' && bytes[pos] != '\r') {
                    pos++;
                }
            } else if (isSpace(bytes[pos])) {
                pos++;
            } else {
                return;
            }
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == '\f';
    }
}
