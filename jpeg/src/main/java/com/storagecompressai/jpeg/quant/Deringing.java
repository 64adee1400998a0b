package com.storagecompressai.jpeg.quant;

/**
 * mozjpeg's overshoot deringing: in a block where some (not all) samples sit at white, each run of white
 * samples (walked in zig-zag order) is replaced by a Catmull-Rom bump that rises above white (255). Decoders clip
 * it back to 255, so the picture is unchanged, but the smoother waveform rings less and costs fewer bits.
 * Pure: works in place on the caller's block.
 */
public final class Deringing {

    private static final float MAX_SAMPLE = 255f;
    private static final int SIZE = 64;

    private Deringing() {
    }

    /**
     * Rewrites the 64 samples (0..255, natural order, before the level shift) of {@code block} before the
     * forward DCT. {@code dcQuant} is the component's DC quantizer, which caps the overshoot.
     */
    public static void apply(float[] block, int dcQuant) {
        apply(block, 0, dcQuant);
    }

    /** As {@link #apply(float[], int)} on the 64 samples at {@code block[offset..offset+63]}. */
    public static void apply(float[] block, int offset, int dcQuant) {
        applyWhite(block, offset, dcQuant);
    }

    private static void applyWhite(float[] block, int offset, int dcQuant) {
        float sum = 0;
        int atMax = 0;
        for (int i = 0; i < SIZE; i++) {
            float v = block[offset + i];
            sum += v;
            if (v >= MAX_SAMPLE) {
                atMax++;
            }
        }
        if (atMax == 0 || atMax == SIZE) {
            return;
        }
        float headroom = (MAX_SAMPLE * SIZE - sum) / atMax;
        float maxOvershoot = MAX_SAMPLE + Math.min(Math.min(31f, 2f * dcQuant), headroom);
        int[] zz = ZigZag.NATURAL_ORDER;
        int n = 0;
        while (n < SIZE) {
            if (block[offset + zz[n]] < MAX_SAMPLE) {
                n++;
                continue;
            }
            int start = n;
            while (++n < SIZE && block[offset + zz[n]] >= MAX_SAMPLE) {
                // extend the run of white samples
            }
            int end = n;
            float f1 = block[offset + zz[start >= 1 ? start - 1 : 0]];
            float f2 = block[offset + zz[start >= 2 ? start - 2 : 0]];
            float l1 = block[offset + zz[end < SIZE - 1 ? end : SIZE - 1]];
            float l2 = block[offset + zz[end < SIZE - 2 ? end + 1 : SIZE - 1]];
            float firstSlope = Math.max(f1 - f2, MAX_SAMPLE - f1);
            float lastSlope = Math.max(l1 - l2, MAX_SAMPLE - l1);
            if (start == 0) {
                firstSlope = lastSlope;
            }
            if (end == SIZE) {
                lastSlope = firstSlope;
            }
            int length = end - start;
            float step = 1f / (length + 1);
            float position = step;
            for (int i = start; i < end; i++, position += step) {
                float v = catmullRom(MAX_SAMPLE - firstSlope, MAX_SAMPLE, MAX_SAMPLE, MAX_SAMPLE - lastSlope,
                        position, length);
                block[offset + zz[i]] = Math.min(v, maxOvershoot);
            }
            n++;
        }
    }

    private static float catmullRom(float v1, float v2, float v3, float v4, float t, int size) {
        float tan1 = (v3 - v1) * size;
        float tan2 = (v4 - v2) * size;
        float t2 = t * t;
        float t3 = t2 * t;
        float f1 = 2f * t3 - 3f * t2 + 1f;
        float f2 = -2f * t3 + 3f * t2;
        float f3 = t3 - 2f * t2 + t;
        float f4 = t3 - t2;
        return v2 * f1 + tan1 * f3 + v3 * f2 + tan2 * f4;
    }
}
