package com.storagecompressai.jpeg.quant;

/**
 * Adaptive-quantization strength, one value per 8×8 luma block, after jpegli's
 * {@code adaptive_quantization.cc}: gamma-aware local contrast, pooled 4×4, a fuzzy erosion (weighted
 * minimum of the 3×3 neighbourhood, so an edge next to a flat area does not count as masking), then
 * per-block terms for visual masking, high-frequency content and brightness. High values mean the eye
 * is least sensitive to error there (busy texture); flat and smooth areas get values near 0. The
 * quantizer lowers its distortion weight (trellis λ) or widens its dead zone where the strength is high.
 * Values lie in [0, {@link #MAX_STRENGTH}].
 *
 * @param blocksWide ceil(width / 8)
 * @param blocksHigh ceil(height / 8)
 * @param strength   blocksWide × blocksHigh values, raster order
 */
public record AqField(int blocksWide, int blocksHigh, float[] strength) {

    public static final float MAX_STRENGTH = 3f;

    private static final float INPUT_SCALING = 1f / 255f;
    private static final float SG_MUL = 226.0480446705883f;
    private static final float SG_MUL2 = 1f / 73.377132366608819f;
    private static final float LOG2 = 0.693147181f;
    private static final float SG_RET_MUL = SG_MUL2 * 18.6580932135f * LOG2;
    private static final float SG_V_OFFSET = 7.14672470003f;
    private static final float EPSILON = 1e-2f;
    private static final float NUM_OFFSET = EPSILON / INPUT_SCALING / INPUT_SCALING;
    private static final float NUM_MUL = SG_RET_MUL * 3 * SG_MUL;
    private static final float V_OFFSET = (SG_V_OFFSET * LOG2 + EPSILON) / INPUT_SCALING;
    private static final float DEN_MUL = LOG2 * SG_MUL * INPUT_SCALING * INPUT_SCALING;

    /**
     * Computes the field from the luma plane: {@code y[row * stride + col]} on the 0..255 scale, for the
     * image's {@code width} × {@code height} samples (no padding needed). Pure; costs about as much as one
     * pass over the pixels.
     */
    public static AqField compute(float[] y, int width, int height, int stride) {
        int bw = (width + 7) / 8;
        int bh = (height + 7) / 8;
        int w = bw * 8;
        int h = bh * 8;
        // padded copy with a one-sample border, edges replicated
        int pw = w + 2;
        float[] p = new float[pw * (h + 2)];
        for (int r = -1; r <= h; r++) {
            int sr = Math.clamp(r, 0, height - 1);
            for (int c = -1; c <= w; c++) {
                int sc = Math.clamp(c, 0, width - 1);
                p[(r + 1) * pw + c + 1] = y[sr * stride + sc];
            }
        }
        float[] pre = preErosion(p, pw, w, h);
        float[] eroded = fuzzyErosion(pre, w / 4, h / 4);
        float[] s = new float[bw * bh];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int qw = w / 4;
                float v = eroded[(2 * by) * qw + 2 * bx] + eroded[(2 * by) * qw + 2 * bx + 1]
                        + eroded[(2 * by + 1) * qw + 2 * bx] + eroded[(2 * by + 1) * qw + 2 * bx + 1];
                float exponent = mask(v) + hfModulation(p, pw, bx * 8, by * 8) + gammaModulation(p, pw, bx * 8, by * 8);
                float field = 0.841f * (float) Math.exp(exponent);
                s[by * bw + bx] = Math.clamp(0.6f / field - 1f, 0f, MAX_STRENGTH);
            }
        }
        return new AqField(bw, bh, s);
    }

    /**
     * The field on a component's block grid: each component block covers {@code hStep} × {@code vStep} luma
     * blocks (2 × 2 for 4:2:0 chroma, 1 × 1 for luma) and takes their mean. Blocks beyond the luma grid
     * (MCU padding) repeat the nearest luma block.
     */
    public float[] forComponent(int componentBlocksWide, int componentBlocksHigh, int hStep, int vStep) {
        float[] out = new float[componentBlocksWide * componentBlocksHigh];
        for (int cy = 0; cy < componentBlocksHigh; cy++) {
            for (int cx = 0; cx < componentBlocksWide; cx++) {
                float sum = 0;
                int n = 0;
                for (int dy = 0; dy < vStep; dy++) {
                    int ly = Math.min(cy * vStep + dy, blocksHigh - 1);
                    for (int dx = 0; dx < hStep; dx++) {
                        int lx = Math.min(cx * hStep + dx, blocksWide - 1);
                        sum += strength[ly * blocksWide + lx];
                        n++;
                    }
                }
                out[cy * componentBlocksWide + cx] = sum / n;
            }
        }
        return out;
    }

    /** Local contrast, gamma-weighted and compressed, summed over 4×4 cells (quarter resolution). */
    private static float[] preErosion(float[] p, int pw, int w, int h) {
        float gammaOffset = 0.019f / INPUT_SCALING;
        int qw = w / 4;
        float[] out = new float[qw * (h / 4)];
        float sqrtMul = (float) Math.sqrt(211.50759899638012 * 1e8);
        for (int r = 0; r < h; r++) {
            int row = (r + 1) * pw + 1;
            for (int c = 0; c < w; c++) {
                int i = row + c;
                float in = p[i];
                float base = 0.25f * (p[i + 1] + p[i - 1] + p[i - pw] + p[i + pw]);
                float diff = ratioOfDerivatives(in + gammaOffset, false) * (in - base);
                diff = Math.min(diff * diff, 0.2f);
                diff = 0.25f * (float) Math.sqrt(diff * sqrtMul + 28f);
                out[(r / 4) * qw + c / 4] += diff * 0.25f;
            }
        }
        return out;
    }

    /** Weighted sum of the four smallest values of each 3×3 neighbourhood (edges replicated). */
    private static float[] fuzzyErosion(float[] pre, int qw, int qh) {
        float[] out = new float[qw * qh];
        float[] v = new float[9];
        for (int r = 0; r < qh; r++) {
            for (int c = 0; c < qw; c++) {
                int n = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    int rr = Math.clamp(r + dr, 0, qh - 1);
                    for (int dc = -1; dc <= 1; dc++) {
                        v[n++] = pre[rr * qw + Math.clamp(c + dc, 0, qw - 1)];
                    }
                }
                java.util.Arrays.sort(v);
                out[r * qw + c] = 0.125f * v[0] + 0.075f * v[1] + 0.06f * v[2] + 0.05f * v[3];
            }
        }
        return out;
    }

    private static float mask(float value) {
        float offset3 = 2.1925739705298404f;
        float v1 = Math.max(value * 0.74760422233706747f, 1e-3f);
        float v2 = 1f / (v1 + 305.04035728311436f);
        float v3 = 1f / (v1 * v1 + offset3);
        float v4 = 1f / (v1 * v1 + 0.25f * offset3);
        return -0.74174993f + 3.2353257320940401f * v4 + 12.906028311180409f * v2 + 5.0220313103171232f * v3;
    }

    private static float hfModulation(float[] p, int pw, int x0, int y0) {
        float sum = 0;
        for (int dy = 0; dy < 8; dy++) {
            int row = (y0 + dy + 1) * pw + x0 + 1;
            for (int dx = 0; dx < 8; dx++) {
                float v = p[row + dx];
                if (dx < 7) {
                    sum += Math.abs(v - p[row + dx + 1]);
                }
                if (dy < 7) {
                    sum += Math.abs(v - p[row + dx + pw]);
                }
            }
        }
        return sum * (-2.0052193233688884f * INPUT_SCALING / 112f);
    }

    private static float gammaModulation(float[] p, int pw, int x0, int y0) {
        float bias = 0.16f / INPUT_SCALING;
        float ratio = 0;
        for (int dy = 0; dy < 8; dy++) {
            int row = (y0 + dy + 1) * pw + x0 + 1;
            for (int dx = 0; dx < 8; dx++) {
                ratio += ratioOfDerivatives(p[row + dx] + bias, true);
            }
        }
        ratio *= INPUT_SCALING / 64f;
        return -0.15526878023684174f * (float) Math.log(ratio);
    }

    /** Ratio of the derivatives of butteraugli's log-gamma and a cube root, at sample value {@code v}. */
    private static float ratioOfDerivatives(float v, boolean invert) {
        v = Math.max(v, 0f);
        float v2 = v * v;
        float num = NUM_MUL * v2 + NUM_OFFSET;
        float den = DEN_MUL * v * v2 + V_OFFSET;
        return invert ? num / den : den / num;
    }
}
