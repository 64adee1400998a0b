package com.storagecompressai.imaging.resize;

/**
 * Where the pixels go: the source is scaled to {@code scaledWidth × scaledHeight}, then placed at
 * ({@code offsetX}, {@code offsetY}) on a {@code canvasWidth × canvasHeight} output. A negative offset crops
 * (cover), a positive one pads (contain); otherwise canvas and scaled size are equal.
 */
public record ResizeGeometry(int scaledWidth, int scaledHeight, int canvasWidth, int canvasHeight, int offsetX,
        int offsetY) {

    /** The geometry sharp would use for {@code request} on a {@code width × height} source. */
    public static ResizeGeometry of(int width, int height, ResizeRequest request) {
        Integer boxWidth = request.width();
        Integer boxHeight = request.height();
        if (boxWidth == null && boxHeight == null) {
            return unchanged(width, height);
        }
        if (boxHeight == null || boxWidth == null) {
            double scale = boxWidth != null ? (double) boxWidth / width : (double) boxHeight / height;
            return scaled(width, height, cap(scale, request.enlarge()));
        }
        double scaleX = (double) boxWidth / width;
        double scaleY = (double) boxHeight / height;
        return switch (request.fit()) {
            case INSIDE -> scaled(width, height, cap(Math.min(scaleX, scaleY), request.enlarge()));
            case COVER -> {
                ResizeGeometry scaled = scaled(width, height, cap(Math.max(scaleX, scaleY), request.enlarge()));
                int canvasWidth = Math.min(boxWidth, scaled.scaledWidth);
                int canvasHeight = Math.min(boxHeight, scaled.scaledHeight);
                yield new ResizeGeometry(scaled.scaledWidth, scaled.scaledHeight, canvasWidth, canvasHeight,
                        -((scaled.scaledWidth - canvasWidth) / 2), -((scaled.scaledHeight - canvasHeight) / 2));
            }
            case CONTAIN -> {
                ResizeGeometry scaled = scaled(width, height, cap(Math.min(scaleX, scaleY), request.enlarge()));
                yield new ResizeGeometry(scaled.scaledWidth, scaled.scaledHeight, boxWidth, boxHeight,
                        (boxWidth - scaled.scaledWidth) / 2, (boxHeight - scaled.scaledHeight) / 2);
            }
            case FILL -> {
                int scaledWidth = size(width, cap(scaleX, request.enlarge()));
                int scaledHeight = size(height, cap(scaleY, request.enlarge()));
                yield new ResizeGeometry(scaledWidth, scaledHeight, scaledWidth, scaledHeight, 0, 0);
            }
        };
    }

    public boolean scales(int width, int height) {
        return scaledWidth != width || scaledHeight != height;
    }

    public boolean changes(int width, int height) {
        return scales(width, height) || canvasWidth != width || canvasHeight != height;
    }

    private static ResizeGeometry unchanged(int width, int height) {
        return new ResizeGeometry(width, height, width, height, 0, 0);
    }

    private static ResizeGeometry scaled(int width, int height, double scale) {
        int scaledWidth = size(width, scale);
        int scaledHeight = size(height, scale);
        return new ResizeGeometry(scaledWidth, scaledHeight, scaledWidth, scaledHeight, 0, 0);
    }

    private static double cap(double scale, boolean enlarge) {
        return enlarge ? scale : Math.min(scale, 1.0);
    }

    private static int size(int source, double scale) {
        return (int) Math.max(1, Math.round(source * scale));
    }
}
