package com.storagecompressai.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;

/** Builds test images in memory: ImageIO for the pixels, byte surgery for headers, EXIF and ICC. */
final class TestImages {

    static final int RED = 0xFF0000;
    static final int GREEN = 0x00FF00;
    static final int BLUE = 0x0000FF;
    static final int WHITE = 0xFFFFFF;

    private TestImages() {
    }

    /** 64x32: red, green / blue, white quadrants (32x16 each, MCU-aligned so JPEG keeps them apart). */
    static BufferedImage quadrants() {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, y < 16 ? (x < 32 ? RED : GREEN) : (x < 32 ? BLUE : WHITE));
            }
        }
        return image;
    }

    static BufferedImage filled(int width, int height, int type, int rgb) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    static byte[] write(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format + " and " + image.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A big-endian TIFF structure with one IFD holding only the orientation tag (274). */
    static byte[] exifWithOrientation(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(26);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 1);
        b.putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        return b.array();
    }

    /** Inserts an APP1 "Exif" segment right after SOI. */
    static byte[] jpegWithExif(byte[] jpeg, byte[] tiff) {
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff);
        return insertSegment(jpeg, 0xE1, payload);
    }

    /** Inserts an APP2 "ICC_PROFILE" segment (one chunk) right after SOI. */
    static byte[] jpegWithIcc(byte[] jpeg, byte[] profile) {
        byte[] header = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        return insertSegment(jpeg, 0xE2, concat(header, new byte[] {1, 1}, profile));
    }

    private static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
        int length = payload.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
        return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** Inserts a chunk right after IHDR (which always ends at byte 33). */
    static byte[] pngWithChunk(byte[] png, String type, byte[] data) {
        return concat(Arrays.copyOf(png, 33), pngChunk(type, data), Arrays.copyOfRange(png, 33, png.length));
    }

    static byte[] pngWithIcc(byte[] png, byte[] profile) {
        Deflater deflater = new Deflater();
        deflater.setInput(profile);
        deflater.finish();
        byte[] buffer = new byte[profile.length + 1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        byte[] data = concat("test\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0}, Arrays.copyOf(buffer, n));
        return pngWithChunk(png, "iCCP", data);
    }

    /** Only a signature, an IHDR claiming {@code width}x{@code height} 8-bit RGB, and IEND: no pixel data. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
                pngChunk("IHDR", ihdr.array()), pngChunk("IEND", new byte[0]));
    }

    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeBytes, data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A little-endian, uncompressed 8-bit grey TIFF in one strip, every tag value inline. Extra tags
     * (tag → LONG value) are merged in, e.g. 274 for the orientation or 322/323 for tiles.
     */
    static byte[] grayTiff(int width, int height, byte[] samples, java.util.Map<Integer, Long> extraTags) {
        java.util.TreeMap<Integer, Long> tags = new java.util.TreeMap<>(java.util.Map.of(
                256, (long) width, 257, (long) height, 258, 8L, 259, 1L, 262, 1L,
                277, 1L, 278, (long) height, 279, (long) samples.length));
        tags.putAll(extraTags);
        tags.put(273, 0L);
        int ifdSize = 2 + tags.size() * 12 + 4;
        tags.put(273, 8L + ifdSize);
        ByteBuffer b = ByteBuffer.allocate(8 + ifdSize + samples.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) tags.size());
        tags.forEach((tag, value) -> b.putShort(tag.shortValue()).putShort((short) 4).putInt(1).putInt(value.intValue()));
        b.putInt(0);
        b.put(samples);
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

   static int rgbAt(RasterImage image, int x, int y) {
        byte[] s = image.samples();
        if (image.channels() == ColorChannels.GRAY) {
            int g = s[y * image.width() + x] & 0xFF;
            return g << 16 | g << 8 | g;
        }
        int i = (y * image.width() + x) * 3;
        return (s[i] & 0xFF) << 16 | (s[i + 1] & 0xFF) << 8 | (s[i + 2] & 0xFF);
    }

    static void assertClose(int actual, int expected, int tolerance) {
        for (int shift : new int[] {16, 8, 0}) {
            assertThat(actual >> shift & 0xFF)
                    .as("channel at bit %d of %06X vs %06X", shift, actual, expected)
                    .isCloseTo(expected >> shift & 0xFF, Offset.offset(tolerance));
        }
    }

    static int[] filledArray(int length, int value) {
        int[] out = new int[length];
        Arrays.fill(out, value);
        return out;
    }

    static int[] unsigned(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }
}
