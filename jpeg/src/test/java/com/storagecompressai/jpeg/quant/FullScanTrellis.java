package com.storagecompressai.jpeg.quant;

/**
 * The AC trellis without pruning: every earlier nonzero position is tried as the predecessor, in order, and the
 * first cheapest wins. The same float arithmetic as {@link TrellisQuantizer}, so both must choose the very same
 * coefficients.
 */
final class FullScanTrellis {

    private final int[] quant;
    private final RateModel rate;

    FullScanTrellis(int[] quantNatural, RateModel rate) {
        this.quant = quantNatural;
        this.rate = rate;
    }

    /** The AC coefficients (zig-zag 1..63) of the block at {@code in}; entry 0 is left 0. */
    short[] quantizeAc(float[] dct, int in, float lambda) {
        int[] zz = ZigZag.NATURAL_ORDER;
        float[] zeroDist = new float[64];
        float[] cost = new float[64];
        int[] runStart = new int[64];
        int[] best = new int[64];
        int[] nonzero = new int[64];
        int count = 1;
        for (int i = 1; i < 64; i++) {
            int k = zz[i];
            float xs = dct[in + k] * 8f;
            float x = Math.abs(xs);
            float q = 8f * quant[k];
            float w = lambda * (1f / (quant[k] * quant[k]));
            zeroDist[i] = zeroDist[i - 1] + x * x * w;
            int qval = Math.min((int) (x / q + 0.5f), TrellisQuantizer.MAX_AC);
            if (qval == 0) {
                continue;
            }
            int categories = TrellisQuantizer.bitLength(qval);
            float bestTotal = Float.MAX_VALUE;
            for (int n = 0; n < count; n++) {
                int j = nonzero[n];
                int run = i - 1 - j;
                float path = zeroDist[i - 1] - zeroDist[j] + cost[j] + (run >> 4) * rate.acCost(0xF0);
                for (int c = Math.max(0, categories - 2); c < categories; c++) {
                    int candidate = c < categories - 1 ? (2 << c) - 1 : qval;
                    float delta = candidate * q - x;
                    float symbol = rate.acCost(((run & 15) << 4) | (c + 1)) + (c + 1);
                    float total = path + symbol + delta * delta * w;
                    if (total < bestTotal) {
                        bestTotal = total;
                        best[i] = xs < 0 ? -candidate : candidate;
                        runStart[i] = j;
                    }
                }
            }
            cost[i] = bestTotal;
            nonzero[count++] = i;
        }
        int last = 0;
        float bestCost = zeroDist[63] + rate.acCost(0x00);
        for (int n = 1; n < count; n++) {
            int i = nonzero[n];
            float total = cost[i] + zeroDist[63] - zeroDist[i] + (i < 63 ? rate.acCost(0x00) : 0);
            if (total < bestCost) {
                bestCost = total;
                last = i;
            }
        }
        short[] out = new short[64];
        for (; last > 0; last = runStart[last]) {
            out[last] = (short) best[last];
        }
        return out;
    }
}
