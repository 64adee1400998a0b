package com.storagecompressai.jpeg;

/**
 * Turns pixels into a standard JFIF JPEG. Thread-safe: one instance serves concurrent encodes, sharing
 * a worker pool of {@code threads} threads. The output bytes do not depend on the thread count.
 */
public final class JpegEncoder implements AutoCloseable {

    private final int threads;

    public JpegEncoder(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Encodes {@code image} (not modified) and returns the complete file. */
    public byte[] encode(RasterImage image, EncoderOptions options) {
        throw new UnsupportedOperationException("the encoder lands with the encoder issue");
    }

    @Override
    public void close() {
    }
}
