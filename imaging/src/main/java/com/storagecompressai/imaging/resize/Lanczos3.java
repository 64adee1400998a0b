package com.storagecompressai.imaging.resize;

/**
 * Lanczos-3 weights for resampling one axis from {@code source} to {@code target} samples. When shrinking
 * the kernel is stretched by the scale, so every source sample contributes (no aliasing). Taps outside the
 * image are left out and the rest renormalised, so a flat signal stays exactly flat.
 */
final class Lanczos3 {

    private static final double RADIUS = 3.0;

    /** For each target sample: the first source index it reads and the weights from there on. */
    record Taps(int[] first, float[][] weights) {
    }

    private Lanczos3() {
    }

    static Taps of(int source, int target) {
        double scale = (double) source / target;
        double stretch = Math.max(scale, 1.0);
        double support = RADIUS * stretch;
        int[] first = new int[target];
        float[][] weights = new float[target][];
        for (int i = 0; i < target; i++) {
            double center = (i + 0.5) * scale;
            int left = Math.max(0, (int) Math.floor(center - support));
            int right = Math.min(source, (int) Math.ceil(center + support));
            double[] raw = new double[right - left];
            double sum = 0;
            for (int j = left; j < right; j++) {
                double weight = kernel((j + 0.5 - center) / stretch);
                raw[j - left] = weight;
                sum += weight;
            }
            float[] normalized = new float[raw.length];
            for (int k = 0; k < raw.length; k++) {
                normalized[k] = (float) (raw[k] / sum);
            }
            first[i] = left;
            weights[i] = normalized;
        }
        return new Taps(first, weights);
    }

    static double kernel(double x) {
        double distance = Math.abs(x);
        if (distance < 1e-9) {
            return 1.0;
        }
        if (distance >= RADIUS) {
            return 0.0;
        }
        double px = Math.PI * x;
        return RADIUS * Math.sin(px) * Math.sin(px / RADIUS) / (px * px);
    }
}
