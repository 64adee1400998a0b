package com.storagecompressai.imaging;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;
import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Turns a decoded {@link BufferedImage} into the encoder's 8-bit sRGB samples: any colour space converted
 * to sRGB, any depth scaled to 8 bits, alpha composited onto white, and GRAY output when the source is
 * grey or every pixel has R = G = B.
 */
final class SrgbPixels {

    private SrgbPixels() {
    }

    /**
     * May keep the image's own sample array when it already holds R, G, B rows: drop the image afterwards.
     *
     * @param untaggedProfile an ICC profile the reader ignored (PNG iCCP, WebP ICCP), or null; the decoded
     *        samples are taken to be in it
     */
    static RasterImage from(BufferedImage image, byte[] untaggedProfile) {
        ColorModel model = image.getColorModel();
        ColorSpace space = model.getColorSpace();
        boolean componentSamples = model instanceof ComponentColorModel
                && (model.getTransferType() == DataBuffer.TYPE_BYTE || model.getTransferType() == DataBuffer.TYPE_USHORT);
        if (componentSamples && space.getType() == ColorSpace.TYPE_GRAY && space.getNumComponents() == 1) {
            // Grey samples are display-referred (as browsers show them); the JDK's CS_GRAY is linear, so
            // getRGB would brighten them: read the samples as they are.
            return gray(image.getRaster(), model);
        }
        if (!(model instanceof IndexColorModel) && !space.isCS_sRGB()) {
            image = convertToSrgb(image);
            model = image.getColorModel();
            componentSamples = false;
        }
        RasterImage rgb = componentSamples ? rgbFromComponents(image.getRaster(), model) : rgbFromArgb(image);
        RasterImage tagged = untaggedProfile == null ? rgb : applyProfile(rgb, untaggedProfile);
        return collapseGray(tagged);
    }

    private static BufferedImage convertToSrgb(BufferedImage image) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage srgb = new BufferedImage(image.getWidth(), image.getHeight(), type);
        new ColorConvertOp(null).filter(image, srgb);
        return srgb;
    }

    private static RasterImage gray(Raster raster, ColorModel model) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        boolean alpha = model.hasAlpha() && bands == 2;
        boolean premultiplied = model.isAlphaPremultiplied();
        int grayBits = model.getComponentSize(0);
        int alphaBits = alpha ? model.getComponentSize(1) : 8;
        byte[] out = new byte[w * h];
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int g = to8(row[x * bands], grayBits);
                if (alpha) {
                    g = onWhite(g, to8(row[x * bands + 1], alphaBits), premultiplied);
                }
                out[o + x] = (byte) g;
            }
        }
        return new RasterImage(w, h, ColorChannels.GRAY, out);
    }

    private static RasterImage rgbFromComponents(Raster raster, ColorModel model) {
        if (!model.hasAlpha() && isPlainRgbBytes(raster)) {
            return copyRgbBytes(raster);
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        boolean alpha = model.hasAlpha() && bands == 4;
        boolean premultiplied = model.isAlphaPremultiplied();
        int[] bits = model.getComponentSize();
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            int o = y * w * 3;
            for (int x = 0, i = 0; x < w; x++, i += bands, o += 3) {
                int r = to8(row[i], bits[0]);
                int g = to8(row[i + 1], bits[1]);
                int b = to8(row[i + 2], bits[2]);
                if (alpha) {
                    int a = to8(row[i + 3], bits[3]);
                    r = onWhite(r, a, premultiplied);
                    g = onWhite(g, a, premultiplied);
                    b = onWhite(b, a, premultiplied);
                }
                out[o] = (byte) r;
                out[o + 1] = (byte) g;
                out[o + 2] = (byte) b;
            }
        }
        return new RasterImage(w, h, ColorChannels.RGB, out);
    }

    /** Pixels of three interleaved bytes, in any band order (8-bit RGB PNGs decode as B, G, R): read directly. */
    private static boolean isPlainRgbBytes(Raster raster) {
        return raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getNumBands() == 3 && model.getPixelStride() == 3
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
    }

    private static RasterImage copyRgbBytes(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        var model = (PixelInterleavedSampleModel) raster.getSampleModel();
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        int[] offsets = model.getBandOffsets();
        int base = raster.getDataBuffer().getOffset();
        int stride = model.getScanlineStride();
        boolean rgbOrder = offsets[0] == 0 && offsets[1] == 1 && offsets[2] == 2;
        if (rgbOrder && base == 0 && stride == w * 3 && data.length == w * h * 3) {
            return new RasterImage(w, h, ColorChannels.RGB, data); // the decoded image is dropped after this
        }
        byte[] out = new byte[w * h * 3];
        for (int y = 0, o = 0; y < h; y++) {
            int row = base + y * stride;
            if (rgbOrder) {
                System.arraycopy(data, row, out, o, w * 3);
                o += w * 3;
                continue;
            }
            for (int x = 0, i = row; x < w; x++, i += 3, o += 3) {
                out[o] = data[i + offsets[0]];
                out[o + 1] = data[i + offsets[1]];
                out[o + 2] = data[i + offsets[2]];
            }
        }
        return new RasterImage(w, h, ColorChannels.RGB, out);
    }

    /** For packed and indexed models: getRGB gives non-premultiplied sRGB ARGB. */
    private static RasterImage rgbFromArgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int o = y * w * 3;
            for (int x = 0; x < w; x++, o += 3) {
                int argb = row[x];
                int r = argb >>> 16 & 0xFF;
                int g = argb >>> 8 & 0xFF;
                int b = argb & 0xFF;
                if (alpha) {
                    int a = argb >>> 24;
                    r = onWhite(r, a, false);
                    g = onWhite(g, a, false);
                    b = onWhite(b, a, false);
                }
                out[o] = (byte) r;
                out[o + 1] = (byte) g;
                out[o + 2] = (byte) b;
            }
        }
        return new RasterImage(w, h, ColorChannels.RGB, out);
    }

    /** Reinterprets sRGB-decoded samples as being in {@code profile} and converts them to sRGB. */
    private static RasterImage applyProfile(RasterImage rgb, byte[] profileBytes) {
        ICC_Profile profile;
        try {
            profile = ColorSpaces.validateProfile(ICC_Profile.getInstance(profileBytes));
        } catch (RuntimeException unusable) {
            return rgb;
        }
        if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB || ColorSpaces.isCS_sRGB(profile)) {
            return rgb;
        }
        ICC_ColorSpace source = ColorSpaces.createColorSpace(profile);
        int w = rgb.width();
        int h = rgb.height();
        int[] offsets = {0, 1, 2};
        WritableRaster in = Raster.createInterleavedRaster(
                new DataBufferByte(rgb.samples(), rgb.samples().length), w, h, w * 3, 3, offsets, null);
        byte[] converted = new byte[rgb.samples().length];
        WritableRaster out = Raster.createInterleavedRaster(
                new DataBufferByte(converted, converted.length), w, h, w * 3, 3, offsets, null);
        new ColorConvertOp(source, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(in, out);
        return new RasterImage(w, h, ColorChannels.RGB, converted);
    }

    private static RasterImage collapseGray(RasterImage rgb) {
        byte[] s = rgb.samples();
        for (int i = 0; i < s.length; i += 3) {
            if (s[i] != s[i + 1] || s[i] != s[i + 2]) {
                return rgb;
            }
        }
        byte[] gray = new byte[s.length / 3];
        for (int i = 0, j = 0; j < gray.length; i += 3, j++) {
            gray[j] = s[i];
        }
        return new RasterImage(rgb.width(), rgb.height(), ColorChannels.GRAY, gray);
    }

    private static int to8(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        int max = (1 << bits) - 1;
        return (int) ((sample * 255L + max / 2) / max);
    }

    /** Composites an 8-bit channel with alpha {@code a} over white. */
    private static int onWhite(int c, int a, boolean premultiplied) {
        if (premultiplied) {
            return Math.min(255, c + 255 - a);
        }
        return (c * a + 255 * (255 - a) + 127) / 255;
    }
}
