package com.storagecompressai.jpeg;

import com.storagecompressai.jpeg.quant.QuantPlan;

/** Test-scope doorway to the package-private stages, for the JMH benchmarks in {@code bench}. */
public final class HotLoops {

    private HotLoops() {
    }

    public static void forwardDct(float[] blocks, int count) {
        for (int b = 0; b < count; b++) {
            ForwardDct.transform(blocks, b * 64);
        }
    }

    public static void colorConvert(byte[] rgb, int pixels, float[] y, float[] cb, float[] cr) {
        ColorConverter.rgbRow(rgb, 0, pixels, y, cb, cr, 0);
    }

    /** Quantized planes of a synthetic photo-like image, ready for entropy coding. */
    public static Object coefficients(int width, int height, int quality) {
        RasterImage image = TestImages.smoothRgb(width, height, 1);
        FrameLayout layout = FrameLayout.of(width, height, ColorChannels.RGB, ChromaSubsampling.S420);
        QuantPlan plan = QuantPlan.forQuality(quality, Effort.FAST);
        try (var pool = new WorkerPool(1)) {
            return QuantizationPasses.run(image, layout, plan,
                    new QuantizationTables(plan.tables().luma(), plan.tables().chroma()), pool);
        }
    }

    /** Sequential (baseline) entropy coding: statistics pass, optimal tables, and the coded scan. */
    public static int encodeSequential(Object coefficients) {
        var planes = (CoefficientPlanes) coefficients;
        return new ScanEncoder(planes, false, 0).encode(ScanScripts.sequential(planes.layout()).getFirst()).length;
    }

    /** The fixed progressive script, scan after scan on one thread. */
    public static int encodeProgressive(Object coefficients) {
        var planes = (CoefficientPlanes) coefficients;
        var encoder = new ScanEncoder(planes, true, 0);
        int total = 0;
        for (Scan s : ScanScripts.fixedProgressive(planes.layout())) {
            total += encoder.encode(s).length;
        }
        return total;
    }

    /** Scan search statistics and decision (no output written). */
    public static int scanSearch(Object coefficients) {
        try (var pool = new WorkerPool(1)) {
            return ScanSearch.search((CoefficientPlanes) coefficients, 0, pool).size();
        }
    }

    public static RasterImage photoLike(int width, int height) {
        return TestImages.smoothRgb(width, height, 7);
    }
}
