package com.storagecompressai.imaging;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds the EXIF orientation and the ICC profiles that ImageIO's readers leave unapplied, by walking the
 * container's own structure (JPEG segments, PNG chunks, RIFF chunks, the TIFF header). Metadata is best
 * effort: a damaged or missing block means "upright, sRGB", never a refused image.
 */
final class ContainerMetadata {

    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    /** Real ICC profiles are kilobytes; this only stops a zip bomb hidden in an iCCP chunk. */
    private static final int MAX_ICC_BYTES = 4 << 20;

    private ContainerMetadata() {
    }

    static EmbeddedMetadata scan(ImageFormat format, byte[] bytes) {
        try {
            return switch (format) {
                case JPEG -> {
                    byte[] exif = jpegExif(bytes);
                    yield new EmbeddedMetadata(orientationOf(exif), null, exif);
                }
                case PNG -> png(bytes);
                case WEBP -> webp(bytes);
                case TIFF -> new EmbeddedMetadata(orientationOf(bytes), null, null);
                case GIF, BMP -> EmbeddedMetadata.NONE;
            };
        } catch (RuntimeException damaged) {
            return EmbeddedMetadata.NONE;
        }
    }

    /** The TIFF structure of the first APP1 "Exif" segment before the first scan, or null. */
    private static byte[] jpegExif(byte[] b) {
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return null;
            }
            int length = u16be(b, pos + 2);
            int data = pos + 4;
            int end = pos + 2 + length;
            if (length < 2 || end > b.length) {
                return null;
            }
            if (marker == 0xE1 && startsWith(b, data, end, EXIF_HEADER)) {
                return Arrays.copyOfRange(b, data + EXIF_HEADER.length, end);
            }
            pos = end;
        }
        return null;
    }

    private static EmbeddedMetadata png(byte[] b) {
        byte[] exif = null;
        byte[] icc = null;
        int pos = 8;
        while (pos + 12 <= b.length) {
            long length = u32be(b, pos);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if (length > b.length - data - 4) {
                break;
            }
            int end = data + (int) length;
            switch (type) {
                case "eXIf" -> exif = Arrays.copyOfRange(b, data, end);
                case "iCCP" -> icc = pngProfile(b, data, end);
                case "IEND" -> pos = b.length;
                default -> { }
            }
            pos = end + 4;
        }
        return new EmbeddedMetadata(orientationOf(exif), icc, exif);
    }

    /** iCCP: a Latin-1 name, NUL, compression method 0, then the zlib-compressed profile. */
    private static byte[] pngProfile(byte[] b, int data, int end) {
        int nul = data;
        while (nul < end && b[nul] != 0) {
            nul++;
        }
        if (nul + 2 > end || b[nul + 1] != 0) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, nul + 2, end - nul - 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_ICC_BYTES) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static EmbeddedMetadata webp(byte[] b) {
        byte[] exif = null;
        byte[] icc = null;
        int pos = 12;
        while (pos + 8 <= b.length) {
            String fourcc = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
            long size = u32le(b, pos + 4);
            int data = pos + 8;
            if (size > b.length - data) {
                break;
            }
            int end = data + (int) size;
            switch (fourcc) {
                case "EXIF" -> exif = startsWith(b, data, end, EXIF_HEADER)
                        ? Arrays.copyOfRange(b, data + EXIF_HEADER.length, end)
                        : Arrays.copyOfRange(b, data, end);
                case "ICCP" -> icc = Arrays.copyOfRange(b, data, end);
                default -> { }
            }
            pos = end + (int) (size & 1);
        }
        return new EmbeddedMetadata(orientationOf(exif), icc, exif);
    }

    /** Tag 274 of IFD0 in a TIFF structure (EXIF is one), read with TwelveMonkeys' TIFF metadata reader. */
    static Orientation orientationOf(byte[] tiff) {
        if (tiff == null || tiff.length < 8) {
            return Orientation.TOP_LEFT;
        }
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(tiff)) {
            Directory directory = new TIFFReader().read(in);
            Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number value) {
                return Orientation.fromTag(value.intValue());
            }
            return Orientation.TOP_LEFT;
        } catch (Exception damaged) {
            return Orientation.TOP_LEFT;
        }
    }

    private static boolean startsWith(byte[] b, int from, int end, byte[] prefix) {
        return end - from >= prefix.length && Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static long u32be(byte[] b, int i) {
        return (long) (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int i) {
        return (long) (b[i + 3] & 0xFF) << 24 | (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
    }
}
