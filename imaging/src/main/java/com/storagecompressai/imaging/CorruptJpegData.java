package com.storagecompressai.imaging;

import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Listens to the JPEG reader's warnings for the libjpeg ones that mean scan data is missing or wrong: the
 * reader then "succeeds" with the gap filled in grey, which we refuse as a truncated or corrupt image.
 *
 * <p>Kept lenient on purpose, as browsers are: a missing EOI after complete scan data ("Truncated File -
 * Missing EOI marker" alone) and stray bytes between segments ("extraneous bytes before marker") are common in
 * real camera and editor output and decode to the full picture, so they pass. One instance per read.
 */
final class CorruptJpegData implements IIOReadWarningListener {

    private String firstLoss;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        if (firstLoss == null && warning != null && meansDataLoss(warning)) {
            firstLoss = warning;
        }
    }

    /** libjpeg's jerror.h: JWRN_HIT_MARKER, JWRN_HUFF_BAD_CODE, JWRN_ARITH_BAD_CODE, JWRN_MUST_RESYNC, JWRN_JPEG_EOF. */
    static boolean meansDataLoss(String warning) {
        return warning.startsWith("Corrupt JPEG data") && !warning.contains("extraneous bytes")
                || warning.startsWith("Premature end of JPEG file");
    }

    void check() throws InvalidImageException {
        if (firstLoss != null) {
            throw new InvalidImageException("the JPEG image is truncated or its compressed data is corrupt ("
                    + firstLoss + ")", null);
        }
    }
}
