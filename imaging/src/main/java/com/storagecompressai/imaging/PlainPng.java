package com.storagecompressai.imaging;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the PNGs most uploads are, 8 bits per sample, grey or RGB with or without alpha, not interlaced, no
 * transparent colour key, straight into a raster, several times faster than the JDK's reader, which adds a
 * copy and a conversion per row. Anything else, or anything it cannot decode cleanly, it leaves to ImageIO
 * (empty), so ImageIO keeps deciding what a broken file means. Produces the rasters ImageIO would: the same
 * samples and colour models, so the colour handling after it is the same.
 */
final class PlainPng {

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int TRNS = 0x74524E53;
    private static final int INFLATE_BATCH_BYTES = 64 * 1024;

    /** The header fields this decoder needs. */
    record Header(int width, int height, int channels) {
    }

    private PlainPng() {
    }

    /** The image's header, when it is a PNG this class decodes; empty otherwise. */
    static Optional<Header> header(byte[] png) {
        if (png.length < 33 || readLong(png, 0) != SIGNATURE || readInt(png, 8) != 13 || readInt(png, 12) != IHDR) {
            return Optional.empty();
        }
        int width = readInt(png, 16);
        int height = readInt(png, 20);
        int bitDepth = png[24];
        int colourType = png[25];
        int interlace = png[28];
        int channels = switch (colourType) {
            case 0 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 0;
        };
        if (width < 1 || height < 1 || bitDepth != 8 || channels == 0 || png[26] != 0 || png[27] != 0
                || interlace != 0 || (long) width * height * channels > Integer.MAX_VALUE - 16) {
            return Optional.empty();
        }
        return Optional.of(new Header(width, height, channels));
    }

    /** The decoded image, or empty when ImageIO should decode this file (call only after size checks). */
    static Optional<BufferedImage> decode(byte[] png, Header header) {
        int stride = header.width() * header.channels();
        byte[] pixels = new byte[stride * header.height()];
        var inflater = new Inflater();
        try {
            if (!inflateRows(png, header, pixels, inflater)) {
                return Optional.empty();
            }
        } catch (DataFormatException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
        return Optional.of(image(header, pixels));
    }

    private static boolean inflateRows(byte[] png, Header header, byte[] pixels, Inflater inflater)
            throws DataFormatException {
        int stride = header.width() * header.channels();
        int bpp = header.channels();
        // Several rows per call into zlib: a call per row cost a tenth of the inflating.
        int rowsPerBatch = Math.clamp(INFLATE_BATCH_BYTES / (stride + 1), 1, header.height());
        byte[] filtered = new byte[(stride + 1) * rowsPerBatch];
        int chunk = 8;
        int row = 0;
        int filled = 0;
        while (row < header.height()) {
            int rows = Math.min(rowsPerBatch, header.height() - row);
            if (filled < rows * (stride + 1)) {
                if (inflater.needsInput()) {
                    chunk = nextIdat(png, chunk);
                    if (chunk < 0) {
                        return false;
                    }
                    inflater.setInput(png, chunk + 8, readInt(png, chunk));
                    chunk += 12 + readInt(png, chunk);
                    continue;
                }
                int n = inflater.inflate(filtered, filled, rows * (stride + 1) - filled);
                if (n == 0 && (inflater.finished() || inflater.needsDictionary())) {
                    return false;
                }
                filled += n;
                continue;
            }
            for (int r = 0; r < rows; r++, row++) {
                if (!unfilter(filtered, r * (stride + 1), pixels, row * stride, row == 0 ? -1 : (row - 1) * stride,
                        stride, bpp)) {
                    return false;
                }
            }
            filled = 0;
        }
        return true;
    }

    /**
     * The offset of the next IDAT chunk at or after {@code from}, or -1 when the data ends, or when a chunk
     * this decoder can't honour (a transparent colour key) or a malformed one comes first.
     */
    private static int nextIdat(byte[] png, int from) {
        int at = from;
        while (at + 12 <= png.length) {
            int length = readInt(png, at);
            if (length < 0 || length > png.length - at - 12) {
                return -1;
            }
            int type = readInt(png, at + 4);
            if (type == IDAT) {
                return at;
            }
            if (type == IEND || type == TRNS) {
                return -1;
            }
            at += 12 + length;
        }
        return -1;
    }

    /**
     * Undoes the filter (PNG spec §9) of the row at {@code from} in {@code in} (its type byte first) into
     * {@code out} at {@code at}, given the row above at {@code above} (-1 for none).
     */
    private static boolean unfilter(byte[] in, int from, byte[] out, int at, int above, int stride, int bpp) {
        // With no row above, Up is None, Average halves the left alone and Paeth predicts from the left: Sub.
        int type = above >= 0 ? in[from] : switch (in[from]) {
            case 2 -> 0;
            case 4 -> 1;
            default -> in[from];
        };
        switch (type) {
            case 0 -> System.arraycopy(in, from + 1, out, at, stride);
            case 1 -> {
                System.arraycopy(in, from + 1, out, at, bpp);
                for (int i = bpp; i < stride; i++) {
                    out[at + i] = (byte) (in[from + i + 1] + out[at + i - bpp]);
                }
            }
            case 2 -> {
                for (int i = 0; i < stride; i++) {
                    out[at + i] = (byte) (in[from + i + 1] + out[above + i]);
                }
            }
            case 3 -> average(in, from, out, at, above, stride, bpp);
            case 4 -> paeth(in, from, out, at, above, stride, bpp);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Average: RGB rows keep the left pixel in registers, since reading it back from the row just written stalls. */
    private static void average(byte[] in, int from, byte[] out, int at, int above, int stride, int bpp) {
        for (int i = 0; i < bpp; i++) {
            int b = above >= 0 ? out[above + i] & 0xFF : 0;
            out[at + i] = (byte) (in[from + i + 1] + (b >>> 1));
        }
        if (bpp != 3) {
            for (int i = bpp; i < stride; i++) {
                int b = above >= 0 ? out[above + i] & 0xFF : 0;
                out[at + i] = (byte) (in[from + i + 1] + ((out[at + i - bpp] & 0xFF) + b >>> 1));
            }
            return;
        }
        int r = out[at] & 0xFF;
        int g = out[at + 1] & 0xFF;
        int bl = out[at + 2] & 0xFF;
        for (int i = 3; i + 2 < stride; i += 3) {
            int ur = above >= 0 ? out[above + i] & 0xFF : 0;
            int ug = above >= 0 ? out[above + i + 1] & 0xFF : 0;
            int ub = above >= 0 ? out[above + i + 2] & 0xFF : 0;
            r = (in[from + i + 1] + (r + ur >>> 1)) & 0xFF;
            g = (in[from + i + 2] + (g + ug >>> 1)) & 0xFF;
            bl = (in[from + i + 3] + (bl + ub >>> 1)) & 0xFF;
            out[at + i] = (byte) r;
            out[at + i + 1] = (byte) g;
            out[at + i + 2] = (byte) bl;
        }
    }

    /** Paeth, with a row above; RGB rows keep the left and upper-left pixels in registers. */
    private static void paeth(byte[] in, int from, byte[] out, int at, int above, int stride, int bpp) {
        for (int i = 0; i < bpp; i++) {
            out[at + i] = (byte) (in[from + i + 1] + out[above + i]);
        }
        if (bpp != 3) {
            for (int i = bpp; i < stride; i++) {
                out[at + i] = (byte) (in[from + i + 1]
                        + paeth(out[at + i - bpp] & 0xFF, out[above + i] & 0xFF, out[above + i - bpp] & 0xFF));
            }
            return;
        }
        int ar = out[at] & 0xFF;
        int ag = out[at + 1] & 0xFF;
        int ab = out[at + 2] & 0xFF;
        int cr = out[above] & 0xFF;
        int cg = out[above + 1] & 0xFF;
        int cb = out[above + 2] & 0xFF;
        for (int i = 3; i + 2 < stride; i += 3) {
            int br = out[above + i] & 0xFF;
            int bg = out[above + i + 1] & 0xFF;
            int bb = out[above + i + 2] & 0xFF;
            ar = (in[from + i + 1] + paeth(ar, br, cr)) & 0xFF;
            ag = (in[from + i + 2] + paeth(ag, bg, cg)) & 0xFF;
            ab = (in[from + i + 3] + paeth(ab, bb, cb)) & 0xFF;
            out[at + i] = (byte) ar;
            out[at + i + 1] = (byte) ag;
            out[at + i + 2] = (byte) ab;
            cr = br;
            cg = bg;
            cb = bb;
        }
    }

    /**
     * The Paeth predictor, its choices made with sign masks: photos make them unpredictable, and the JIT
     * turned the plain comparisons into branches.
     */
    static int paeth(int a, int b, int c) {
        int pa = Math.abs(b - c);
        int pb = Math.abs(a - c);
        int pc = Math.abs(a + b - c - c);
        int cNearer = (pc - pb) >> 31; // all ones when pc < pb
        int nearerOfBAndC = b ^ ((b ^ c) & cNearer);
        int distanceOfBAndC = pb ^ ((pb ^ pc) & cNearer);
        int notA = (distanceOfBAndC - pa) >> 31; // all ones when that one is nearer than a
        return a ^ ((a ^ nearerOfBAndC) & notA);
    }

    /** The raster and colour model the JDK's reader gives such a PNG, minus its row-by-row conversion. */
    private static BufferedImage image(Header header, byte[] pixels) {
        boolean grey = header.channels() <= 2;
        boolean alpha = header.channels() == 2 || header.channels() == 4;
        var model = new ComponentColorModel(ColorSpace.getInstance(grey ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB),
                alpha, false, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        int[] offsets = new int[header.channels()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i;
        }
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(pixels, pixels.length),
                header.width(), header.height(), header.width() * header.channels(), header.channels(), offsets, null);
        return new BufferedImage(model, raster, false, null);
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    private static long readLong(byte[] b, int at) {
        return (long) readInt(b, at) << 32 | readInt(b, at + 4) & 0xFFFFFFFFL;
    }
}
