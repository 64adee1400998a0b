package com.storagecompressai.jpeg;

import com.storagecompressai.jpeg.quant.QuantPlan;
import java.util.List;

/**
 * Turns pixels into a standard JFIF JPEG. Thread-safe: one instance serves concurrent encodes, sharing
 * a worker pool of {@code threads} threads. The output bytes do not depend on the thread count.
 *
 * <p>Pipeline: {@link QuantizationPasses} (colour conversion, downsampling, DCT, deringing, AQ and trellis or
 * rounding, in stripes of MCU rows on the pool) → {@link EntropyStage} (scan script, Huffman tables, scans in
 * parallel) → {@link JfifWriter}.
 */
public final class JpegEncoder implements AutoCloseable {

    private final int threads;
    private final WorkerPool pool;

    public JpegEncoder(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = new WorkerPool(threads);
    }

    public int threads() {
        return threads;
    }

    /**
     * Encodes {@code image} (not modified) and returns the complete file.
     *
     * @throws IllegalArgumentException if the ICC profile does not fit in 255 APP2 chunks (16,707,345 bytes)
     */
    public byte[] encode(RasterImage image, EncoderOptions options) {
        if (options.iccProfile() != null && options.iccProfile().length > IccProfileSegment.MAX_PROFILE) {
            throw new IllegalArgumentException("ICC profile of " + options.iccProfile().length
                    + " bytes does not fit in 255 APP2 chunks of " + IccProfileSegment.MAX_CHUNK + " bytes");
        }
        FrameLayout layout = FrameLayout.of(image.width(), image.height(), image.channels(), options.subsampling());
        QuantPlan plan = QuantPlan.forQuality(options.quality(), options.effort(), options.subsampling());
        var tables = QuantizationTables.of(plan.tables());
        CoefficientPlanes planes = QuantizationPasses.run(image, layout, plan, tables, pool);
        List<byte[]> scans = EntropyStage.encode(planes, options, pool);
        return JfifWriter.write(layout, tables, options, scans);
    }

    /** Stops the worker threads; encodes still running on them fail. */
    @Override
    public void close() {
        pool.close();
    }
}
