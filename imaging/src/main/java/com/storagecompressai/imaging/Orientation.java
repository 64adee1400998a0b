package com.storagecompressai.imaging;

import com.storagecompressai.jpeg.RasterImage;

/**
 * The EXIF orientation tag (TIFF tag 274): how the stored pixels must be turned to stand upright.
 * Values follow the EXIF 2.32 specification, section 4.6.4 A.
 */
enum Orientation {
    TOP_LEFT(1),
    TOP_RIGHT(2),
    BOTTOM_RIGHT(3),
    BOTTOM_LEFT(4),
    LEFT_TOP(5),
    RIGHT_TOP(6),
    RIGHT_BOTTOM(7),
    LEFT_BOTTOM(8);

    private final int tagValue;

    Orientation(int tagValue) {
        this.tagValue = tagValue;
    }

    /** The orientation for an EXIF tag value; anything outside 1–8 means "as stored". */
    static Orientation fromTag(int value) {
        for (Orientation orientation : values()) {
            if (orientation.tagValue == value) {
                return orientation;
            }
        }
        return TOP_LEFT;
    }

    int tagValue() {
        return tagValue;
    }

    boolean swapsAxes() {
        return tagValue >= 5;
    }

    /** The upright image; returns {@code image} itself for {@link #TOP_LEFT}. Does not modify its input. */
    RasterImage apply(RasterImage image) {
        if (this == TOP_LEFT) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        int bpp = image.channels().bytesPerPixel();
        int outWidth = swapsAxes() ? h : w;
        int outHeight = swapsAxes() ? w : h;
        byte[] src = image.samples();
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ox;
                int oy;
                switch (this) {
                    case TOP_RIGHT -> { ox = w - 1 - x; oy = y; }
                    case BOTTOM_RIGHT -> { ox = w - 1 - x; oy = h - 1 - y; }
                    case BOTTOM_LEFT -> { ox = x; oy = h - 1 - y; }
                    case LEFT_TOP -> { ox = y; oy = x; }
                    case RIGHT_TOP -> { ox = h - 1 - y; oy = x; }
                    case RIGHT_BOTTOM -> { ox = h - 1 - y; oy = w - 1 - x; }
                    case LEFT_BOTTOM -> { ox = y; oy = w - 1 - x; }
                    default -> { ox = x; oy = y; }
                }
                System.arraycopy(src, (y * w + x) * bpp, out, (oy * outWidth + ox) * bpp, bpp);
            }
        }
        return new RasterImage(outWidth, outHeight, image.channels(), out);
    }
}
