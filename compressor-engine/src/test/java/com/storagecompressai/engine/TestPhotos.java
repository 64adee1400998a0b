package com.storagecompressai.engine;

import com.storagecompressai.engine.metadata.ExifSegment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Photo-like fixtures made in memory, the same on every run: gradients, noise, edges; JPEGs with EXIF. */
public final class TestPhotos {

    public static final String COPYRIGHT = "(c) ACME Photo 2026";

    private TestPhotos() {
    }

    /** Smooth gradients and waves, mild noise and a few hard-edged shapes. */
    public static BufferedImage photoLike(int width, int height) {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double wave = 40 * Math.sin(x / 9.0) * Math.cos(y / 13.0);
                int r = (int) (60 + 150.0 * x / width + wave + random.nextGaussian() * 6);
                int g = (int) (40 + 120.0 * y / height - wave / 2 + random.nextGaussian() * 6);
                int b = (int) (120 + 60 * Math.sin((x + y) / 30.0) + random.nextGaussian() * 6);
                boolean square = x > width / 4 && x < width / 2 && y > height / 5 && y < height / 2;
                boolean disc = Math.hypot(x - 0.7 * width, y - 0.65 * height) < width / 7.0;
                if (square) {
                    r = 240;
                    g = 240;
                    b = 235;
                } else if (disc) {
                    r = 20;
                    g = 25;
                    b = 90;
                }
                image.setRGB(x, y, clamp(r) << 16 | clamp(g) << 8 | clamp(b));
            }
        }
        return image;
    }

    /** Uniform random colour noise: the hardest thing to compress. */
    public static BufferedImage noise(int width, int height) {
        Random random = new Random(7);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    /** A baseline JPEG from the JDK's writer at its default quality (75). */
    public static byte[] jpeg(BufferedImage image) {
        return write(image, "jpeg");
    }

    /** {@code jpeg} with an EXIF APP1: Make, orientation, copyright, an Exif IFD with a MakerNote, and GPS. */
    public static byte[] withExif(byte[] jpeg, int orientation) {
        return ExifSegment.insert(jpeg, exif(orientation));
    }

    /** {@code png} with an eXIf chunk holding {@link #exif(int)}, right after IHDR (which ends at byte 33). */
    public static byte[] pngWithExif(byte[] png, int orientation) {
        byte[] data = exif(orientation);
        byte[] type = "eXIf".getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        byte[] chunk = ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type).put(data)
                .putInt((int) crc.getValue()).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        out.writeBytes(chunk);
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    /** A big-endian TIFF structure, laid out by hand so the test does not rely on the code under test. */
    public static byte[] exif(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(170);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: 5 entries, ends at 74; copyright text at 74..94
        tiff.putShort((short) 5);
        entry(tiff, 0x010F, 2, 4, "Cam\0".getBytes(StandardCharsets.US_ASCII));
        entry(tiff, 0x0112, 3, 1, new byte[] {0, (byte) orientation, 0, 0});
        entry(tiff, 0x8298, 2, 20, ByteBuffer.allocate(4).putInt(74).array());
        entry(tiff, 0x8769, 4, 1, ByteBuffer.allocate(4).putInt(94).array());
        entry(tiff, 0x8825, 4, 1, ByteBuffer.allocate(4).putInt(152).array());
        tiff.putInt(0);
        tiff.put((COPYRIGHT + "\0").getBytes(StandardCharsets.US_ASCII));
        // Exif IFD at 94: 2 entries, ends at 124; date at 124..144, MakerNote at 144..152
        tiff.putShort((short) 2);
        entry(tiff, 0x9003, 2, 20, ByteBuffer.allocate(4).putInt(124).array());
        entry(tiff, 0x927C, 7, 8, ByteBuffer.allocate(4).putInt(144).array());
        tiff.putInt(0);
        tiff.put("2026:11:25 10:00:00\0".getBytes(StandardCharsets.US_ASCII));
        tiff.put("SECRET!!".getBytes(StandardCharsets.US_ASCII));
        // GPS IFD at 152: GPSLatitudeRef "N"
        tiff.putShort((short) 1);
        entry(tiff, 0x0001, 2, 2, new byte[] {'N', 0, 0, 0});
        tiff.putInt(0);
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, byte[] value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).put(value);
    }

    private static byte[] write(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
