package com.storagecompressai.jpeg;

import java.util.SplittableRandom;

/** Synthetic pictures for the tests, named after their content. */
final class TestImages {

    private TestImages() {
    }

    /** Smooth colour gradients with a few soft shapes: behaves like a photo. */
    static RasterImage smoothRgb(int w, int h, long seed) {
        var rnd = new SplittableRandom(seed);
        double fx = 1 + rnd.nextDouble() * 3;
        double fy = 1 + rnd.nextDouble() * 3;
        byte[] s = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = x / 96.0;
                double v = y / 96.0;
                int i = (y * w + x) * 3;
                s[i] = (byte) clamp(128 + 100 * Math.sin(fx * 3 * u + v));
                s[i + 1] = (byte) clamp(40 + 180 * v * u);
                s[i + 2] = (byte) clamp(128 + 90 * Math.cos(fy * 4 * v - u) + 20 * Math.sin(20 * u * v));
            }
        }
        return new RasterImage(w, h, ColorChannels.RGB, s);
    }

    static RasterImage noiseRgb(int w, int h, long seed) {
        var rnd = new SplittableRandom(seed);
        byte[] s = new byte[w * h * 3];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) rnd.nextInt(256);
        }
        return new RasterImage(w, h, ColorChannels.RGB, s);
    }

    static RasterImage flatRgb(int w, int h, int r, int g, int b) {
        byte[] s = new byte[w * h * 3];
        for (int i = 0; i < s.length; i += 3) {
            s[i] = (byte) r;
            s[i + 1] = (byte) g;
            s[i + 2] = (byte) b;
        }
        return new RasterImage(w, h, ColorChannels.RGB, s);
    }

    static RasterImage smoothGray(int w, int h, long seed) {
        RasterImage rgb = smoothRgb(w, h, seed);
        byte[] g = new byte[w * h];
        for (int i = 0; i < g.length; i++) {
            g[i] = rgb.samples()[i * 3 + 1];
        }
        return new RasterImage(w, h, ColorChannels.GRAY, g);
    }

    /** Black text-like strokes on white: exercises 255-saturated blocks and sharp edges. */
    static RasterImage textLikeRgb(int w, int h) {
        byte[] s = new byte[w * h * 3];
        java.util.Arrays.fill(s, (byte) 255);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((x / 3 + y / 7) % 5 == 0 && (y % 11) < 8) {
                    int i = (y * w + x) * 3;
                    s[i] = s[i + 1] = s[i + 2] = 0;
                }
            }
        }
        return new RasterImage(w, h, ColorChannels.RGB, s);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
