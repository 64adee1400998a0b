package com.storagecompressai.jpeg;

import com.storagecompressai.jpeg.quant.ZigZag;

/** Plain uniform quantization with rounding to nearest (T.81 A.3.4), clamped to the 8-bit ranges. */
final class RoundingQuantizer implements BlockQuantizer {

    private final float[][] reciprocals;
    private final int[] tableOfComponent;

    RoundingQuantizer(FrameLayout layout, QuantizationTables tables) {
        reciprocals = new float[2][64];
        for (int t = 0; t < 2; t++) {
            int[] q = tables.forTable(t);
            for (int i = 0; i < 64; i++) {
                reciprocals[t][i] = 1f / q[i];
            }
        }
        tableOfComponent = layout.components().stream().mapToInt(ComponentLayout::quantTable).toArray();
    }

    @Override
    public void quantizeRow(int component, float[] dct, int blocks, short[] out, int outOffset, float[] aq,
                            int aqOffset, int startDc) {
        float[] recip = reciprocals[tableOfComponent[component]];
        int[] natural = ZigZag.NATURAL_ORDER;
        int[] rounded = new int[64];
        for (int b = 0; b < blocks; b++) {
            int src = b * 64;
            int dst = outOffset + b * 64;
            for (int n = 0; n < 64; n++) { // natural order: a straight loop the JIT can vectorize
                rounded[n] = (int) (dct[src + n] * recip[n] + 16384.5f) - 16384;
            }
            out[dst] = (short) Math.clamp(rounded[0], -2047, 2047);
            for (int k = 1; k < 64; k++) {
                out[dst + k] = (short) Math.clamp(rounded[natural[k]], -1023, 1023);
            }
        }
    }

    @Override
    public int plainDc(int component, float dc) {
        return Math.clamp(round(dc * reciprocals[tableOfComponent[component]][0]), -2047, 2047);
    }

    static int round(float x) {
        return (int) (x + 16384.5f) - 16384;
    }
}
