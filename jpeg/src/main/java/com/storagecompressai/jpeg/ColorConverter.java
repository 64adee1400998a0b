package com.storagecompressai.jpeg;

/**
 * RGB to YCbCr, JFIF full-range BT.601 (JFIF 1.02; libjpeg {@code jccolor.c}), in float, already level-shifted
 * by -128 (T.81 A.3.1) so the output feeds the DCT directly.
 */
final class ColorConverter {

    /** Per-channel contributions, indexed by sample value: 9 lookups and 6 additions a pixel. */
    private static final float[] Y_R = table(0.299f);
    private static final float[] Y_G = table(0.587f);
    private static final float[] Y_B = table(0.114f);
    private static final float[] CB_R = table(-0.168735892f);
    private static final float[] CB_G = table(-0.331264108f);
    private static final float[] CB_B = table(0.5f);
    private static final float[] CR_R = table(0.5f);
    private static final float[] CR_G = table(-0.418687589f);
    private static final float[] CR_B = table(-0.081312411f);

    private ColorConverter() {
    }

    /** Same products as {@code weight * v} inline, so results are bit-identical to the direct formula. */
    private static float[] table(float weight) {
        float[] t = new float[256];
        for (int v = 0; v < 256; v++) {
            t[v] = weight * v;
        }
        return t;
    }

    /**
     * Converts {@code count} RGB pixels from {@code rgb[src..]} into level-shifted Y, Cb and Cr at
     * {@code y[dst..]}, {@code cb[dst..]}, {@code cr[dst..]}.
     */
    static void rgbRow(byte[] rgb, int src, int count, float[] y, float[] cb, float[] cr, int dst) {
        for (int i = 0; i < count; i++, src += 3) {
            int r = rgb[src] & 0xFF;
            int g = rgb[src + 1] & 0xFF;
            int b = rgb[src + 2] & 0xFF;
            y[dst + i] = Y_R[r] + Y_G[g] + Y_B[b] - 128f;
            cb[dst + i] = CB_R[r] + CB_G[g] + CB_B[b];
            cr[dst + i] = CR_R[r] + CR_G[g] + CR_B[b];
        }
    }

    /** Level-shifts {@code count} grey samples. */
    static void grayRow(byte[] gray, int src, int count, float[] y, int dst) {
        for (int i = 0; i < count; i++) {
            y[dst + i] = (gray[src + i] & 0xFF) - 128f;
        }
    }
}
