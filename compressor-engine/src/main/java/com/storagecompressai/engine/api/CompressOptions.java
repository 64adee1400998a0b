package com.storagecompressai.engine.api;

/** What the caller asked for. Later options (resize, target quality, …) become further components. */
public record CompressOptions(int quality) {

    public static final int DEFAULT_QUALITY = 80;

    public CompressOptions {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality runs from 1 to 100, got " + quality);
        }
    }

    public static CompressOptions defaults() {
        return new CompressOptions(DEFAULT_QUALITY);
    }
}
