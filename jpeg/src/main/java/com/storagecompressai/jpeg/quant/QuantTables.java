package com.storagecompressai.jpeg.quant;

import com.storagecompressai.jpeg.ChromaSubsampling;
import com.storagecompressai.jpeg.Effort;
import java.util.Arrays;

/**
 * The two quantization tables of an encode, in natural (row-major) order, every entry 1..255 so the DQT
 * is always 8-bit (Pq = 0) and the file stays baseline-legal.
 */
public record QuantTables(int[] luma, int[] chroma) {

    /** N. Robidoux's table (mozjpeg table 3, its default for luma and chroma), natural order. */
    static final int[] ROBIDOUX = {
        16, 16, 16, 18, 25, 37, 56, 85,
        16, 17, 20, 27, 34, 40, 53, 75,
        16, 20, 24, 31, 43, 62, 91, 135,
        18, 27, 31, 40, 53, 74, 106, 156,
        25, 34, 43, 53, 69, 94, 131, 189,
        37, 40, 62, 74, 94, 124, 169, 238,
        56, 53, 91, 106, 131, 169, 226, 311,
        85, 75, 135, 156, 189, 238, 311, 418,
    };

    public QuantTables {
        luma = checked(luma, "luma");
        chroma = checked(chroma, "chroma");
    }

    /**
     * Quality anchors of our scale: quality {@code CALIBRATION_QUALITY[i]} uses jpegli's matrices at
     * butteraugli-like distance {@code CALIBRATION_DISTANCE[i]} (log-linear in between). Fitted so that our
     * qN has the mean butteraugli 3-norm of mozjpeg's qN (sharp, mozjpeg:true) on the Kodak set: encode at a
     * grid of distances (test-scope {@code BenchEncoder} with {@code -DdistMode=true}), then invert the mean
     * metric curve at mozjpeg's per-quality means. Below q20 and above q99 the anchors are extrapolated.
     * 4:4:4 reuses the 4:2:0 anchors (its own fit differed by under 3 % of the distance for q ≤ 90).
     */
    private static final int[] CALIBRATION_QUALITY = {1, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97, 99, 100};
    private static final double[] CALIBRATION_DISTANCE = {
        60.0, 15.46, 9.539, 6.846, 5.445, 4.443, 3.395, 2.888, 2.272, 1.743, 1.203, 0.685, 0.434, 0.221, 0.102,
    };

    /** Chroma against luma: coarser than jpegli's own balance, which pays in butteraugli and SSIM alike. */
    static final double CHROMA_SCALE = 1.3;

    /** The tables for {@code quality} (1–100) on our calibrated scale, for 4:2:0 chroma. */
    public static QuantTables forQuality(int quality) {
        return forQuality(quality, ChromaSubsampling.S420);
    }

    /**
     * The tables for {@code quality} (1–100) on our calibrated scale, for the given chroma resolution. Luma is
     * the same for all; 4:4:4 chroma takes jpegli's full-resolution chroma scaling, 4:2:2 the 4:2:0 one.
     */
    public static QuantTables forQuality(int quality, ChromaSubsampling subsampling) {
        double distance = distance(quality);
        int[] luma = JpegliTables.table(JpegliTables.LUMA, distance, true, false, 1.0);
        int[] chroma = subsampling == ChromaSubsampling.S444
                ? JpegliTables.table(JpegliTables.CHROMA, distance, false, true, CHROMA_SCALE * 1.22)
                : JpegliTables.table(JpegliTables.CHROMA, distance, true, true, CHROMA_SCALE);
        return new QuantTables(luma, chroma);
    }

    /** As {@link #forQuality(int)}; the tables do not depend on the effort. */
    public static QuantTables forQuality(int quality, Effort effort) {
        return forQuality(quality);
    }

    /** mozjpeg's default tables for {@code quality}: Robidoux's table for both, IJG scaling, clamped to 255. */
    public static QuantTables mozjpeg(int quality) {
        return new QuantTables(scaled(ROBIDOUX, quality), scaled(ROBIDOUX, quality));
    }

    /** The calibrated distance of a quality. */
    static double distance(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality runs from 1 to 100, got " + quality);
        }
        int i = 1;
        while (CALIBRATION_QUALITY[i] < quality) {
            i++;
        }
        double t = (quality - CALIBRATION_QUALITY[i - 1]) / (double) (CALIBRATION_QUALITY[i] - CALIBRATION_QUALITY[i - 1]);
        return Math.exp((1 - t) * Math.log(CALIBRATION_DISTANCE[i - 1]) + t * Math.log(CALIBRATION_DISTANCE[i]));
    }

    /** IJG scaling of {@code base}: S = 5000/q below 50, else 200 − 2q; entries clamped to 1..255. */
    static int[] scaled(int[] base, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality runs from 1 to 100, got " + quality);
        }
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] table = new int[64];
        for (int k = 0; k < 64; k++) {
            table[k] = Math.clamp((base[k] * scale + 50L) / 100, 1, 255);
        }
        return table;
    }

    @Override
    public int[] luma() {
        return luma.clone();
    }

    @Override
    public int[] chroma() {
        return chroma.clone();
    }

    /** Table 0 is luma, every other component uses chroma. */
    public int[] forComponent(int component) {
        return component == 0 ? luma() : chroma();
    }

    int[] lumaView() {
        return luma;
    }

    int[] chromaView() {
        return chroma;
    }

    private static int[] checked(int[] table, String name) {
        if (table == null || table.length != 64) {
            throw new IllegalArgumentException(name + " table needs 64 entries");
        }
        for (int v : table) {
            if (v < 1 || v > 255) {
                throw new IllegalArgumentException(name + " table entry out of 1..255: " + v);
            }
        }
        return table.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantTables t && Arrays.equals(luma, t.luma) && Arrays.equals(chroma, t.chroma);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(luma) + Arrays.hashCode(chroma);
    }

    @Override
    public String toString() {
        return "QuantTables[luma=" + Arrays.toString(luma) + ", chroma=" + Arrays.toString(chroma) + "]";
    }
}
