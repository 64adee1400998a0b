package com.storagecompressai.gateway.engine;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;

/**
 * Admits in-process compressions by the pixels their headers claim: while the images being compressed add up to
 * {@code budget} pixels, another one is refused at once with OVERLOADED (503, Retry-After) instead of queueing its
 * decoded pixels in memory. An image whose size the header does not tell, or one larger than the whole budget,
 * is charged the whole budget (it runs alone). A resize is charged its output box when that can be larger than the
 * upload (a 16×16 image enlarged to 4000×4000 holds 16 MP). Thread-safe.
 */
public final class PixelBudget implements Compressor {

    private final Compressor engine;
    private final long budget;
    private long inFlight;

    /** @param budget pixels that may be decoded at once (PIXEL_BUDGET) */
    public PixelBudget(Compressor engine, long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("the pixel budget must be positive, got " + budget);
        }
        this.engine = engine;
        this.budget = budget;
    }

    @Override
    public Compressed compress(byte[] image, CompressOptions options) throws CompressionException {
        long cost = Math.min(budget, Math.max(HeaderPixels.of(image).orElse(budget), outputPixels(options)));
        cost = Math.max(cost, 1);
        if (!admit(cost)) {
            throw new CompressionException(ErrorCode.OVERLOADED, "the compressor is busy; try again shortly");
        }
        try {
            return engine.compress(image, options);
        } finally {
            release(cost);
        }
    }

    /** The most pixels a resize may produce beyond the upload's own, or 0 when it cannot grow the image. */
    private long outputPixels(CompressOptions options) {
        if (!options.resizes()) {
            return 0;
        }
        if (options.width() != null && options.height() != null) {
            boolean shrinksOnly = !options.enlarge() && options.fit() == CompressOptions.Fit.INSIDE;
            return shrinksOnly ? 0 : (long) options.width() * options.height();
        }
        // One side given: the other follows the upload's aspect ratio, unknown here, so an enlargement runs alone.
        return options.enlarge() ? budget : 0;
    }

    private synchronized boolean admit(long cost) {
        if (inFlight + cost > budget) {
            return false;
        }
        inFlight += cost;
        return true;
    }

    private synchronized void release(long cost) {
        inFlight -= cost;
    }

    /** Pixels admitted right now, for the metrics. */
    public synchronized long pixelsInFlight() {
        return inFlight;
    }

    public long budget() {
        return budget;
    }

    @Override
    public boolean isReady() {
        return engine.isReady();
    }

    @Override
    public void close() {
        engine.close();
    }
}
