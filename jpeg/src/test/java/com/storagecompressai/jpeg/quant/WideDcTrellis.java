package com.storagecompressai.jpeg.quant;

/**
 * mozjpeg's DC trellis with its own candidate window, (2 + 60 / Q) | 1 values around the rounded one up to nine,
 * where ours tries three: a test oracle for the narrower window.
 */
final class WideDcTrellis {

    private WideDcTrellis() {
    }

    /** The quantized DC of each block of the chain, which starts from a prediction of 0. */
    static int[] chooseDc(TrellisQuantizer tq, int dcQuant, RateModel rate, float[] dct, int blocks) {
        int n = Math.min(9, (2 + 60 / dcQuant) | 1);
        int[][] value = new int[blocks][n];
        double[][] cost = new double[blocks][n];
        int[][] from = new int[blocks][n];
        for (int b = 0; b < blocks; b++) {
            double x = Math.abs(dct[64 * b] * 8.0);
            double q = 8.0 * dcQuant;
            int rounded = (int) (x / q + 0.5);
            double lambda = tq.blockLambda(dct, 64 * b, 0f) / ((double) dcQuant * dcQuant);
            for (int c = 0; c < n; c++) {
                int candidate = Math.clamp(rounded - n / 2 + c, -TrellisQuantizer.MAX_DC, TrellisQuantizer.MAX_DC);
                value[b][c] = dct[64 * b] < 0 ? -candidate : candidate;
                double distortion = (candidate * q - x) * (candidate * q - x) * lambda;
                if (b == 0) {
                    cost[b][c] = bits(rate, value[b][c]) + distortion;
                    continue;
                }
                cost[b][c] = Double.MAX_VALUE;
                for (int p = 0; p < n; p++) {
                    double total = cost[b - 1][p] + bits(rate, value[b][c] - value[b - 1][p]) + distortion;
                    if (total < cost[b][c]) {
                        cost[b][c] = total;
                        from[b][c] = p;
                    }
                }
            }
        }
        int[] chosen = new int[blocks];
        int c = 0;
        for (int k = 1; k < n; k++) {
            c = cost[blocks - 1][k] < cost[blocks - 1][c] ? k : c;
        }
        for (int b = blocks - 1; b >= 0; b--) {
            chosen[b] = value[b][c];
            c = from[b][c];
        }
        return chosen;
    }

    private static double bits(RateModel rate, int difference) {
        int size = TrellisQuantizer.bitLength(Math.abs(difference));
        return size + rate.dcCost(size);
    }
}
