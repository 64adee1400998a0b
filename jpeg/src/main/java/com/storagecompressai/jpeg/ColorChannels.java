package com.storagecompressai.jpeg;

/** How a {@link RasterImage} lays out its samples. */
public enum ColorChannels {
    GRAY(1),
    RGB(3);

    private final int bytesPerPixel;

    ColorChannels(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }
}
