package com.storagecompressai.imaging.resize;

import java.util.Objects;

/**
 * A wanted size. With only a width or only a height the other follows the aspect ratio and {@code fit} does
 * not matter. Without {@code enlarge} no axis is ever scaled up: the box then caps the image, never grows it.
 */
public record ResizeRequest(Integer width, Integer height, Fit fit, boolean enlarge) {

    public ResizeRequest {
        Objects.requireNonNull(fit, "fit");
        if (width != null && width < 1 || height != null && height < 1) {
            throw new IllegalArgumentException("width and height must be positive, got " + width + "x" + height);
        }
    }

    public static ResizeRequest width(int width) {
        return new ResizeRequest(width, null, Fit.INSIDE, false);
    }

    public static ResizeRequest box(int width, int height, Fit fit) {
        return new ResizeRequest(width, height, fit, false);
    }

    public ResizeRequest enlarging() {
        return new ResizeRequest(width, height, fit, true);
    }
}
