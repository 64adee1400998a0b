package com.storagecompressai.imaging.resize;

import com.storagecompressai.jpeg.RasterImage;
import java.util.Arrays;

/**
 * Resizes sRGB pixels: a separable Lanczos-3 filter applied in linear light (so a fine black and white
 * pattern shrinks to the grey of equal light, 188, not 128), then a centred crop (cover) or white padding
 * (contain) as {@link ResizeGeometry} says. Works on RGB and GRAY; never changes its input.
 */
public final class Resizer {

    private static final byte WHITE = (byte) 255;

    private Resizer() {
    }

    public static RasterImage resize(RasterImage image, ResizeRequest request) {
        return apply(image, ResizeGeometry.of(image.width(), image.height(), request));
    }

    public static RasterImage apply(RasterImage image, ResizeGeometry geometry) {
        if (!geometry.changes(image.width(), image.height())) {
            return image;
        }
        RasterImage scaled = geometry.scales(image.width(), image.height())
                ? scale(image, geometry.scaledWidth(), geometry.scaledHeight())
                : image;
        return place(scaled, geometry);
    }

    /**
     * Horizontal pass row by row into a ring of as many rows as the vertical kernel spans, then the vertical
     * pass: memory stays at a few rows of floats besides the output, whatever the scale.
     */
    static RasterImage scale(RasterImage image, int width, int height) {
        int channels = image.channels().bytesPerPixel();
        int stride = width * channels;
        Lanczos3.Taps across = Lanczos3.of(image.width(), width);
        Lanczos3.Taps down = Lanczos3.of(image.height(), height);
        int ringRows = 0;
        for (float[] weights : down.weights()) {
            ringRows = Math.max(ringRows, weights.length);
        }
        float[] ring = new float[ringRows * stride];
        int nextRow = 0;
        byte[] out = new byte[height * stride];
        float[] line = new float[stride];
        for (int y = 0; y < height; y++) {
            int first = down.first()[y];
            float[] weights = down.weights()[y];
            for (; nextRow < first + weights.length; nextRow++) {
                filterRow(image, nextRow, across, ring, (nextRow % ringRows) * stride);
            }
            Arrays.fill(line, 0f);
            for (int k = 0; k < weights.length; k++) {
                float weight = weights[k];
                int from = ((first + k) % ringRows) * stride;
                for (int i = 0; i < stride; i++) {
                    line[i] += weight * ring[from + i];
                }
            }
            int to = y * stride;
            for (int i = 0; i < stride; i++) {
                out[to + i] = LinearLight.toSrgb(line[i]);
            }
        }
        return new RasterImage(width, height, image.channels(), out);
    }

    /** One source row, resampled across into linear light at {@code ring[at…]}. */
    private static void filterRow(RasterImage image, int y, Lanczos3.Taps across, float[] ring, int at) {
        int channels = image.channels().bytesPerPixel();
        byte[] source = image.samples();
        int sourceRow = y * image.width() * channels;
        int width = across.first().length;
        for (int x = 0; x < width; x++) {
            int first = across.first()[x];
            float[] weights = across.weights()[x];
            for (int c = 0; c < channels; c++) {
                float sum = 0;
                int from = sourceRow + first * channels + c;
                for (float weight : weights) {
                    sum += weight * LinearLight.toLinear(source[from] & 0xFF);
                    from += channels;
                }
                ring[at + x * channels + c] = sum;
            }
        }
    }

    private static RasterImage place(RasterImage scaled, ResizeGeometry geometry) {
        int channels = scaled.channels().bytesPerPixel();
        int width = geometry.canvasWidth();
        int height = geometry.canvasHeight();
        if (width == scaled.width() && height == scaled.height()) {
            return scaled;
        }
        byte[] out = new byte[width * height * channels];
        Arrays.fill(out, WHITE);
        int fromX = Math.max(0, -geometry.offsetX());
        int fromY = Math.max(0, -geometry.offsetY());
        int toX = Math.max(0, geometry.offsetX());
        int toY = Math.max(0, geometry.offsetY());
        int copyWidth = Math.min(scaled.width() - fromX, width - toX);
        int copyHeight = Math.min(scaled.height() - fromY, height - toY);
        for (int y = 0; y < copyHeight; y++) {
            System.arraycopy(scaled.samples(), ((fromY + y) * scaled.width() + fromX) * channels,
                    out, ((toY + y) * width + toX) * channels, copyWidth * channels);
        }
        return new RasterImage(width, height, scaled.channels(), out);
    }
}
