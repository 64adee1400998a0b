package com.storagecompressai.engine.api;

import java.util.Objects;

/**
 * What the caller asked for. Every component but {@code quality} is optional: {@link #defaults()} and
 * {@link #CompressOptions(int)} behave as before the resize / target / output options existed.
 *
 * @param quality   1–100; ignored when {@code target} or {@code maxBytes} is given
 * @param width     wanted width in pixels (1–16384) or null
 * @param height    wanted height in pixels (1–16384) or null
 * @param fit       how width and height combine (sharp's meaning); matters only when both are given
 * @param enlarge   whether an image smaller than the box may be scaled up
 * @param target    wanted SSIM (0 &lt; target &le; 1) or null: the smallest quality reaching it is chosen
 * @param maxBytes  largest acceptable output or null: the highest quality under it is chosen
 * @param progressive progressive (true) or baseline JPEG
 * @param subsampling chroma resolution
 * @param strip     true: no metadata at all; false: keep EXIF without GPS and MakerNote
 */
public record CompressOptions(
        int quality,
        Integer width,
        Integer height,
        Fit fit,
        boolean enlarge,
        Double target,
        Long maxBytes,
        boolean progressive,
        Subsampling subsampling,
        boolean strip) {

    public static final int DEFAULT_QUALITY = 80;
    public static final int MAX_DIMENSION = 16_384;

    /** How a wanted width × height box is filled (as in sharp and imgproxy). */
    public enum Fit {
        /** Fit within both bounds, keeping the aspect ratio (the default). */
        INSIDE,
        /** Cover both bounds, keeping the aspect ratio, then crop the centre to exactly width × height. */
        COVER,
        /** Fit within both bounds, then pad with white to exactly width × height. */
        CONTAIN,
        /** Stretch to exactly width × height. */
        FILL
    }

    /** Chroma subsampling of the output. */
    public enum Subsampling {
        S420,
        S444
    }

    public CompressOptions {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality runs from 1 to 100, got " + quality);
        }
        checkDimension("width", width);
        checkDimension("height", height);
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(subsampling, "subsampling");
        if (target != null && !(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target is an SSIM score above 0 and at most 1, got " + target);
        }
        if (maxBytes != null && maxBytes < 1) {
            throw new IllegalArgumentException("max_bytes must be at least 1, got " + maxBytes);
        }
    }

    public CompressOptions(int quality) {
        this(quality, null, null, Fit.INSIDE, false, null, null, true, Subsampling.S420, true);
    }

    public static CompressOptions defaults() {
        return new CompressOptions(DEFAULT_QUALITY);
    }

    private static void checkDimension(String name, Integer value) {
        if (value != null && (value < 1 || value > MAX_DIMENSION)) {
            throw new IllegalArgumentException(name + " runs from 1 to " + MAX_DIMENSION + ", got " + value);
        }
    }

    /** True when a width or a height asks for a resize. */
    public boolean resizes() {
        return width != null || height != null;
    }

    /** True when the quality is searched for (target, max bytes or both) rather than taken as given. */
    public boolean searchesQuality() {
        return target != null || maxBytes != null;
    }

    public CompressOptions withQuality(int newQuality) {
        return new CompressOptions(newQuality, width, height, fit, enlarge, target, maxBytes, progressive,
                subsampling, strip);
    }

    public CompressOptions withSize(Integer newWidth, Integer newHeight, Fit newFit, boolean newEnlarge) {
        return new CompressOptions(quality, newWidth, newHeight, newFit, newEnlarge, target, maxBytes, progressive,
                subsampling, strip);
    }

    public CompressOptions withTarget(Double newTarget, Long newMaxBytes) {
        return new CompressOptions(quality, width, height, fit, enlarge, newTarget, newMaxBytes, progressive,
                subsampling, strip);
    }

    public CompressOptions withOutput(boolean newProgressive, Subsampling newSubsampling, boolean newStrip) {
        return new CompressOptions(quality, width, height, fit, enlarge, target, maxBytes, newProgressive,
                newSubsampling, newStrip);
    }
}
