package com.storagecompressai.imaging;

/** The image has more pixels than allowed: refused from its headers, before any pixel buffer exists. */
public final class ImageTooLargeException extends ImageDecodeException {

    private ImageTooLargeException(String safeMessage) {
        super(safeMessage, null);
    }

    static ImageTooLargeException overPixelLimit(long width, long height, long maxPixels) {
        return new ImageTooLargeException("image is " + width + "x" + height + " (" + width * height
                + " pixels); the limit is " + maxPixels + " pixels");
    }

    /** Within the pixel limit but wider or taller than a JPEG can be. */
    static ImageTooLargeException overSideLimit(long width, long height, int maxSide) {
        return new ImageTooLargeException("image is " + width + "x" + height + "; a JPEG side is at most " + maxSide
                + " pixels");
    }

    /** A header inside the file announces a buffer larger than the image size it reports. */
    static ImageTooLargeException overDeclaredBuffer(long pixels, long maxPixels) {
        return new ImageTooLargeException("the file declares a " + pixels + "-pixel buffer; the limit is " + maxPixels
                + " pixels");
    }
}
