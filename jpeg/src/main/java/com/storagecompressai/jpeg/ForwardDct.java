package com.storagecompressai.jpeg;

/**
 * Float AAN forward DCT (Arai, Agui, Nakajima; as in libjpeg {@code jfdctflt.c}) followed by the output
 * scaling that makes it orthonormal: for level-shifted samples, a flat block of value s has DC = 8s.
 * Pure Java float arithmetic, so results are bit-identical on every JVM.
 */
final class ForwardDct {

    private static final double[] AAN_SCALE = {
            1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.541196100, 0.275899379
    };

    /** Multiplier per natural-order position that turns AAN output into orthonormal coefficients. */
    static final float[] OUTPUT_SCALE = new float[64];

    static {
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                OUTPUT_SCALE[v * 8 + u] = (float) (1.0 / (AAN_SCALE[v] * AAN_SCALE[u] * 8.0));
            }
        }
    }

    private ForwardDct() {
    }

    /** Transforms the 64 samples at {@code data[offset..offset+63]} (row-major) in place, AAN-scaled. */
    static void transformUnscaled(float[] data, int offset) {
        for (int row = offset; row < offset + 64; row += 8) {
            pass(data, row, 1);
        }
        for (int col = offset; col < offset + 8; col++) {
            pass(data, col, 8);
        }
    }

    /** Transforms in place to orthonormal coefficients, natural order. */
    static void transform(float[] data, int offset) {
        transformUnscaled(data, offset);
        for (int i = 0; i < 64; i++) {
            data[offset + i] *= OUTPUT_SCALE[i];
        }
    }

    private static void pass(float[] d, int o, int s) {
        float d0 = d[o], d1 = d[o + s], d2 = d[o + 2 * s], d3 = d[o + 3 * s];
        float d4 = d[o + 4 * s], d5 = d[o + 5 * s], d6 = d[o + 6 * s], d7 = d[o + 7 * s];
        float tmp0 = d0 + d7;
        float tmp7 = d0 - d7;
        float tmp1 = d1 + d6;
        float tmp6 = d1 - d6;
        float tmp2 = d2 + d5;
        float tmp5 = d2 - d5;
        float tmp3 = d3 + d4;
        float tmp4 = d3 - d4;

        float tmp10 = tmp0 + tmp3;
        float tmp13 = tmp0 - tmp3;
        float tmp11 = tmp1 + tmp2;
        float tmp12 = tmp1 - tmp2;
        d[o] = tmp10 + tmp11;
        d[o + 4 * s] = tmp10 - tmp11;
        float z1 = (tmp12 + tmp13) * 0.707106781f;
        d[o + 2 * s] = tmp13 + z1;
        d[o + 6 * s] = tmp13 - z1;

        tmp10 = tmp4 + tmp5;
        tmp11 = tmp5 + tmp6;
        tmp12 = tmp6 + tmp7;
        float z5 = (tmp10 - tmp12) * 0.382683433f;
        float z2 = 0.541196100f * tmp10 + z5;
        float z4 = 1.306562965f * tmp12 + z5;
        float z3 = tmp11 * 0.707106781f;
        float z11 = tmp7 + z3;
        float z13 = tmp7 - z3;
        d[o + 5 * s] = z13 + z2;
        d[o + 3 * s] = z13 - z2;
        d[o + s] = z11 + z4;
        d[o + 7 * s] = z11 - z4;
    }
}
