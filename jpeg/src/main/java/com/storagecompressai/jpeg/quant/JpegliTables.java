package com.storagecompressai.jpeg.quant;

/**
 * jpegli's YCbCr quantization matrices ({@code lib/jpegli/quant.cc}): float base matrices tuned for
 * butteraugli, scaled by a butteraugli-like distance, linear below distance 1.5 and a per-frequency power
 * law above. Chroma uses jpegli's Cr matrix for both Cb and Cr, as jpegli does by default.
 */
final class JpegliTables {

    private static final float GLOBAL_SCALE = 1.73966010f;
    private static final float GLOBAL_SCALE_420 = 1.22f;
    private static final float DIST0 = 1.5f;

    static final float[] LUMA = {
        1.2397409f, 1.7227115f, 2.9212167f, 2.8127374f, 3.3398197f, 3.4636038f, 3.8409152f, 3.86956f,
        1.7227115f, 2.0928894f, 2.8456761f, 2.7045068f, 3.4407674f, 3.1662324f, 4.0252087f, 4.0353245f,
        2.9212167f, 2.8456761f, 2.9587404f, 3.3862949f, 3.6195238f, 3.904628f, 3.7578358f, 4.2374475f,
        2.8127374f, 2.7045068f, 3.3862949f, 3.3800588f, 4.1679867f, 4.8055106f, 4.784259f, 4.605934f,
        3.3398197f, 3.4407674f, 3.6195238f, 4.1679867f, 4.5798513f, 4.923237f, 5.574107f, 5.4853334f,
        3.4636038f, 3.1662324f, 3.904628f, 4.8055106f, 4.923237f, 5.43936f, 5.0938957f, 6.0872254f,
        3.8409152f, 4.0252087f, 3.7578358f, 4.784259f, 5.574107f, 5.0938957f, 5.438461f, 5.403736f,
        3.86956f, 4.0353245f, 4.2374475f, 4.605934f, 5.4853334f, 6.0872254f, 5.403736f, 4.377871f,
    };

    static final float[] CHROMA = {
        2.9217255f, 4.497681f, 7.3563445f, 6.5838915f, 8.535609f, 8.799434f, 9.188342f, 9.48270f,
        4.497681f, 6.309549f, 7.024609f, 7.1564453f, 8.049059f, 7.012429f, 6.711923f, 8.380308f,
        7.3563445f, 7.024609f, 6.892101f, 6.88282f, 8.782226f, 6.877475f, 7.8858176f, 8.67909f,
        6.5838915f, 7.1564453f, 6.88282f, 7.003073f, 7.7223465f, 7.955426f, 7.473411f, 8.362933f,
        8.535609f, 8.049059f, 8.782226f, 7.7223465f, 6.778006f, 9.484923f, 9.043703f, 8.053178f,
        8.799434f, 7.012429f, 6.877475f, 7.955426f, 9.484923f, 8.607607f, 9.922697f, 64.25135f,
        9.188342f, 6.711923f, 7.8858176f, 7.473411f, 9.043703f, 9.922697f, 63.184937f, 83.352943f,
        9.48270f, 8.380308f, 8.67909f, 8.362933f, 8.053178f, 64.25135f, 83.352943f, 114.89202f,
    };

    static final float[] RESCALE_420 = {
        0.4093f, 0.3209f, 0.3477f, 0.3333f, 0.3144f, 0.2823f, 0.3214f, 0.3354f,
        0.3209f, 0.3111f, 0.3489f, 0.2801f, 0.3059f, 0.3119f, 0.4135f, 0.3445f,
        0.3477f, 0.3489f, 0.3586f, 0.3257f, 0.2727f, 0.3754f, 0.3369f, 0.3484f,
        0.3333f, 0.2801f, 0.3257f, 0.3020f, 0.3515f, 0.3410f, 0.3971f, 0.3839f,
        0.3144f, 0.3059f, 0.2727f, 0.3515f, 0.3105f, 0.3397f, 0.2716f, 0.3836f,
        0.2823f, 0.3119f, 0.3754f, 0.3410f, 0.3397f, 0.3212f, 0.3203f, 0.0726f,
        0.3214f, 0.4135f, 0.3369f, 0.3971f, 0.2716f, 0.3203f, 0.0798f, 0.0553f,
        0.3354f, 0.3445f, 0.3484f, 0.3839f, 0.3836f, 0.0726f, 0.0553f, 0.3368f,
    };

    static final float[] EXPONENT = {
        1.00f, 0.51f, 0.67f, 0.74f, 1.00f, 1.00f, 1.00f, 1.00f,
        0.51f, 0.66f, 0.69f, 0.87f, 1.00f, 1.00f, 1.00f, 1.00f,
        0.67f, 0.69f, 0.84f, 0.83f, 0.96f, 1.00f, 1.00f, 1.00f,
        0.74f, 0.87f, 0.83f, 1.00f, 1.00f, 0.91f, 0.91f, 1.00f,
        1.00f, 1.00f, 0.96f, 1.00f, 1.00f, 1.00f, 1.00f, 1.00f,
        1.00f, 1.00f, 1.00f, 0.91f, 1.00f, 1.00f, 1.00f, 1.00f,
        1.00f, 1.00f, 1.00f, 0.91f, 1.00f, 1.00f, 1.00f, 1.00f,
        1.00f, 1.00f, 1.00f, 1.00f, 1.00f, 1.00f, 1.00f, 1.00f,
    };

    private JpegliTables() {
    }

    /** jpegli's distance for a libjpeg-style quality ({@code jpegli_quality_to_distance}). */
    static double distanceForQuality(double quality) {
        if (quality >= 100) {
            return 0.01;
        }
        if (quality >= 30) {
            return 0.1 + (100 - quality) * 0.09;
        }
        return 53.0 / 3000.0 * quality * quality - 23.0 / 20.0 * quality + 25.0;
    }

    /** One table (natural order, clamped to 1..255) for {@code distance}. */
    static int[] table(float[] base, double distance, boolean yuv420, boolean chroma) {
        return table(base, distance, yuv420, chroma, 1.0);
    }

    /** As {@link #table(float[], double, boolean, boolean)}, every entry times {@code extraScale}. */
    static int[] table(float[] base, double distance, boolean yuv420, boolean chroma, double extraScale) {
        return table(base, distance, yuv420, chroma, extraScale, 1.0);
    }

    /** As above, with the per-frequency exponents' distance from 1 scaled by {@code bend}. */
    static int[] table(float[] base, double distance, boolean yuv420, boolean chroma, double extraScale,
            double bend) {
        int[] q = new int[64];
        for (int k = 0; k < 64; k++) {
            double scale = extraScale * GLOBAL_SCALE * (yuv420 ? GLOBAL_SCALE_420 : 1f)
                    * distanceToScale(distance, k, bend);
            if (yuv420 && chroma) {
                scale *= RESCALE_420[k];
            }
            q[k] = (int) Math.clamp(Math.round(scale * base[k]), 1, 255);
        }
        return q;
    }

    private static double distanceToScale(double distance, int k, double bend) {
        if (distance < DIST0) {
            return distance;
        }
        double exp = 1 - bend * (1 - EXPONENT[k]);
        double mul = Math.pow(DIST0, 1.0 - exp);
        return Math.max(0.5 * distance, mul * Math.pow(distance, exp));
    }
}
