package com.storagecompressai.imaging;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;

/**
 * Structural similarity (Wang, Bovik, Sheikh, Simoncelli 2004) of two images of equal size, on luma
 * Y = 0.299 R + 0.587 G + 0.114 B (BT.601, unrounded): an 11×11 Gaussian window with σ = 1.5, K1 = 0.01,
 * K2 = 0.03, L = 255, averaged over every position where the window fits inside the image (MATLAB's
 * 'valid'; no downsampling first). Images narrower or shorter than 11 use the centre of the window.
 * Streams rows, so memory stays at a few rows whatever the image size.
 */
public final class Ssim {

    private static final int WINDOW = 11;
    private static final double SIGMA = 1.5;
    private static final double C1 = square(0.01 * 255);
    private static final double C2 = square(0.03 * 255);
    private static final double[] GAUSSIAN = gaussian();

    private Ssim() {
    }

    /** @return the mean SSIM, 1.0 for identical images */
    public static double between(RasterImage a, RasterImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("SSIM needs images of the same size, got " + a.width() + "x"
                    + a.height() + " and " + b.width() + "x" + b.height());
        }
        int width = a.width();
        int height = a.height();
        double[] across = window(Math.min(WINDOW, width));
        double[] down = window(Math.min(WINDOW, height));
        int outWidth = width - across.length + 1;
        int outHeight = height - down.length + 1;

        // ring of horizontally filtered rows: mean x, mean y, x², y², xy for each output column
        double[][][] ring = new double[down.length][5][outWidth];
        double[] lumaA = new double[width];
        double[] lumaB = new double[width];
        double total = 0;
        for (int y = 0; y < height; y++) {
            luma(a, y, lumaA);
            luma(b, y, lumaB);
            filterRow(lumaA, lumaB, across, ring[y % down.length]);
            int top = y - down.length + 1;
            if (top >= 0) {
                total += rowOfScores(ring, top, down, outWidth);
            }
        }
        return total / ((double) outWidth * outHeight);
    }

    private static double rowOfScores(double[][][] ring, int top, double[] down, int outWidth) {
        double sum = 0;
        for (int x = 0; x < outWidth; x++) {
            double muX = 0;
            double muY = 0;
            double xx = 0;
            double yy = 0;
            double xy = 0;
            for (int k = 0; k < down.length; k++) {
                double[][] row = ring[(top + k) % down.length];
                double weight = down[k];
                muX += weight * row[0][x];
                muY += weight * row[1][x];
                xx += weight * row[2][x];
                yy += weight * row[3][x];
                xy += weight * row[4][x];
            }
            double varX = xx - muX * muX;
            double varY = yy - muY * muY;
            double cov = xy - muX * muY;
            sum += (2 * muX * muY + C1) * (2 * cov + C2) / ((muX * muX + muY * muY + C1) * (varX + varY + C2));
        }
        return sum;
    }

    private static void filterRow(double[] x, double[] y, double[] across, double[][] out) {
        int outWidth = out[0].length;
        for (int i = 0; i < outWidth; i++) {
            double muX = 0;
            double muY = 0;
            double xx = 0;
            double yy = 0;
            double xy = 0;
            for (int k = 0; k < across.length; k++) {
                double weight = across[k];
                double vx = x[i + k];
                double vy = y[i + k];
                muX += weight * vx;
                muY += weight * vy;
                xx += weight * vx * vx;
                yy += weight * vy * vy;
                xy += weight * vx * vy;
            }
            out[0][i] = muX;
            out[1][i] = muY;
            out[2][i] = xx;
            out[3][i] = yy;
            out[4][i] = xy;
        }
    }

    private static void luma(RasterImage image, int y, double[] out) {
        byte[] samples = image.samples();
        int width = image.width();
        if (image.channels() == ColorChannels.GRAY) {
            for (int x = 0, at = y * width; x < width; x++, at++) {
                out[x] = samples[at] & 0xFF;
            }
            return;
        }
        for (int x = 0, at = y * width * 3; x < width; x++, at += 3) {
            out[x] = 0.299 * (samples[at] & 0xFF) + 0.587 * (samples[at + 1] & 0xFF) + 0.114 * (samples[at + 2] & 0xFF);
        }
    }

    /** The centre {@code size} taps of the 11-tap Gaussian, renormalised. */
    private static double[] window(int size) {
        int from = (WINDOW - size) / 2;
        double[] taps = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            taps[i] = GAUSSIAN[from + i];
            sum += taps[i];
        }
        for (int i = 0; i < size; i++) {
            taps[i] /= sum;
        }
        return taps;
    }

    private static double[] gaussian() {
        double[] taps = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            double d = i - WINDOW / 2;
            taps[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
        }
        return taps;
    }

    private static double square(double value) {
        return value * value;
    }
}
