package com.storagecompressai.engine.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A finished JPEG with its pixel size and where the time went.
 *
 * @param quality the quality it was encoded at (chosen by a target search, or as asked); null when unknown
 *                (a remote engine that did not say)
 * @param score   the measured SSIM against the (resized) source, or null when not measured
 * @param source  whether {@code jpeg} is a new encode or the uploaded JPEG itself (metadata handled as asked)
 */
public record Compressed(byte[] jpeg, int width, int height, Duration decodeTime, Duration encodeTime,
        Integer quality, Double score, Source source) {

    /** Where the answered bytes come from. */
    public enum Source {
        /** Encoded by us from the decoded pixels. */
        ENCODED,
        /** The upload itself, because a re-encode would have been larger. */
        ORIGINAL
    }

    public Compressed {
        Objects.requireNonNull(source, "source");
    }

    /** A new encode whose quality and score are not known (kept for callers written before them). */
    public Compressed(byte[] jpeg, int width, int height, Duration decodeTime, Duration encodeTime) {
        this(jpeg, width, height, decodeTime, encodeTime, null, null, Source.ENCODED);
    }

    public boolean servedOriginal() {
        return source == Source.ORIGINAL;
    }
}
