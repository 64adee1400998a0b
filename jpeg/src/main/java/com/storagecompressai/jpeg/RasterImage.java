package com.storagecompressai.jpeg;

import java.util.Objects;

/**
 * Eight-bit pixels for the encoder: interleaved R,G,B (three bytes a pixel) or grey (one byte),
 * rows top to bottom with no padding. Already sRGB and upright.
 *
 * <p>The encoder reads {@code samples} and never writes to it; the caller must not change it while an
 * encode runs.
 */
public record RasterImage(int width, int height, ColorChannels channels, byte[] samples) {

    public RasterImage {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(samples, "samples");
        if (width < 1 || height < 1 || width > 65_535 || height > 65_535) {
            throw new IllegalArgumentException("JPEG sizes run from 1x1 to 65535x65535, got " + width + "x" + height);
        }
        long expected = (long) width * height * channels.bytesPerPixel();
        if (samples.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " sample bytes for " + width + "x" + height
                    + " " + channels + ", got " + samples.length);
        }
    }
}
