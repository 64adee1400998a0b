package com.storagecompressai.jpeg;

import java.util.Objects;

/**
 * What to make: {@code quality} on the libjpeg/mozjpeg scale (1–100; our q80 looks like mozjpeg's q80),
 * chroma subsampling, progressive or baseline, how hard to search, an optional restart interval (in MCUs,
 * 0 = none) and an optional ICC profile to embed (null = none; pixels are then taken as sRGB).
 */
public record EncoderOptions(
        int quality,
        ChromaSubsampling subsampling,
        boolean progressive,
        Effort effort,
        int restartInterval,
        byte[] iccProfile) {

    public static final int DEFAULT_QUALITY = 80;

    public EncoderOptions {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality runs from 1 to 100, got " + quality);
        }
        Objects.requireNonNull(subsampling, "subsampling");
        Objects.requireNonNull(effort, "effort");
        if (restartInterval < 0 || restartInterval > 65_535) {
            throw new IllegalArgumentException("restart interval runs from 0 to 65535 MCUs, got " + restartInterval);
        }
    }

    /** Progressive 4:2:0 at the default effort, no restarts, no profile. */
    public static EncoderOptions quality(int quality) {
        return new EncoderOptions(quality, ChromaSubsampling.S420, true, Effort.DEFAULT, 0, null);
    }

    public static EncoderOptions defaults() {
        return quality(DEFAULT_QUALITY);
    }

    public EncoderOptions withQuality(int newQuality) {
        return new EncoderOptions(newQuality, subsampling, progressive, effort, restartInterval, iccProfile);
    }

    public EncoderOptions withSubsampling(ChromaSubsampling newSubsampling) {
        return new EncoderOptions(quality, newSubsampling, progressive, effort, restartInterval, iccProfile);
    }

    public EncoderOptions withProgressive(boolean newProgressive) {
        return new EncoderOptions(quality, subsampling, newProgressive, effort, restartInterval, iccProfile);
    }

    public EncoderOptions withEffort(Effort newEffort) {
        return new EncoderOptions(quality, subsampling, progressive, newEffort, restartInterval, iccProfile);
    }

    public EncoderOptions withRestartInterval(int mcus) {
        return new EncoderOptions(quality, subsampling, progressive, effort, mcus, iccProfile);
    }

    public EncoderOptions withIccProfile(byte[] profile) {
        return new EncoderOptions(quality, subsampling, progressive, effort, restartInterval, profile);
    }
}
