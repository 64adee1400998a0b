package com.storagecompressai.engine;

import com.storagecompressai.jpeg.JpegEncoder;

/** Which JPEG encoder the engine and the CLI use: ours. */
public final class Encoders {

    /** An encoding and what to close with it. */
    public record Handle(JpegEncoding encoding, AutoCloseable resources) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            resources.close();
        }
    }

    private Encoders() {
    }

    /** Our {@link JpegEncoder} with a pool of {@code threads} threads shared by concurrent encodes. */
    public static Handle standard(int threads) {
        JpegEncoder encoder = new JpegEncoder(threads);
        return new Handle(encoder::encode, encoder);
    }
}
