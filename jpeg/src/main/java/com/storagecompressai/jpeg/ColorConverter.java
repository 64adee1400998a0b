package com.storagecompressai.jpeg;

/**
 * RGB to YCbCr, JFIF full-range BT.601 (JFIF 1.02; libjpeg {@code jccolor.c}), in float, already level-shifted
 * by -128 (T.81 A.3.1) so the output feeds the DCT directly.
 */
final class ColorConverter {

    private ColorConverter() {
    }

    /**
     * Converts {@code count} RGB pixels from {@code rgb[src..]} into level-shifted Y, Cb and Cr at
     * {@code y[dst..]}, {@code cb[dst..]}, {@code cr[dst..]}.
     */
    static void rgbRow(byte[] rgb, int src, int count, float[] y, float[] cb, float[] cr, int dst) {
        for (int i = 0; i < count; i++, src += 3) {
            float r = rgb[src] & 0xFF;
            float g = rgb[src + 1] & 0xFF;
            float b = rgb[src + 2] & 0xFF;
            y[dst + i] = 0.299f * r + 0.587f * g + 0.114f * b - 128f;
            cb[dst + i] = -0.168735892f * r - 0.331264108f * g + 0.5f * b;
            cr[dst + i] = 0.5f * r - 0.418687589f * g - 0.081312411f * b;
        }
    }

    /** Level-shifts {@code count} grey samples. */
    static void grayRow(byte[] gray, int src, int count, float[] y, int dst) {
        for (int i = 0; i < count; i++) {
            y[dst + i] = (gray[src + i] & 0xFF) - 128f;
        }
    }
}
