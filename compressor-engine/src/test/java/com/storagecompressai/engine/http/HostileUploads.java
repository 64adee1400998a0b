package com.storagecompressai.engine.http;

import com.storagecompressai.engine.TestPngs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Hostile request bodies for POST /compress, each named after its defect, with the answer the contract
 * promises for it (status and code; 200 for quirks a valid upload may have).
 */
final class HostileUploads {

    /** MAX_PIXELS of the engine these are sent to: the "small file past the limit" depends on it. */
    static final long MAX_PIXELS = 4_000_000;

    record Upload(String defect, byte[] body, int status, String code) {

        @Override
        public String toString() {
            return defect;
        }
    }

    private HostileUploads() {
    }

    static List<Upload> all() {
        byte[] jpeg = photoJpeg();
        byte[] png = TestPngs.gradient(200, 100);
        return List.of(
                new Upload("zero-bytes", new byte[0], 400, "UNSUPPORTED_FORMAT"),
                new Upload("truncated-jpeg-half", Arrays.copyOf(jpeg, jpeg.length / 2), 400, "INVALID_IMAGE"),
                new Upload("truncated-jpeg-last-kilobyte", Arrays.copyOf(jpeg, jpeg.length - 1024), 400, "INVALID_IMAGE"),
                new Upload("jpeg-only-soi", Arrays.copyOf(jpeg, 3), 400, "INVALID_IMAGE"),
                new Upload("truncated-png", Arrays.copyOf(png, png.length / 2), 400, "INVALID_IMAGE"),
                new Upload("jpeg-corrupt-entropy-data", corruptScan(jpeg), 400, "INVALID_IMAGE"),
                new Upload("png-header-claiming-100000x100000", TestPngs.headerOnly(100_000, 100_000), 413,
                        "IMAGE_TOO_LARGE"),
                new Upload("jpeg-header-claiming-65535x65535", claiming(jpeg, 65_535, 65_535), 413, "IMAGE_TOO_LARGE"),
                new Upload("small-png-decoding-past-max-pixels", flatPng(2_100, 2_000), 413, "IMAGE_TOO_LARGE"),
                new Upload("jpeg-with-6mb-of-app-segments", withAppSegments(jpeg, 100), 200, null),
                new Upload("jpeg-with-8mb-of-lying-exif", withLyingExif(jpeg, 128), 200, null),
                new Upload("jpeg-icc-profile-claiming-2gb", withLyingIccProfile(jpeg), 200, null),
                new Upload("gif-with-1000-frames", gifWithFrames(1_000), 200, null),
                new Upload("svg", text("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"), 400,
                        "UNSUPPORTED_FORMAT"),
                new Upload("html", text("<!DOCTYPE html><html><body>hello</body></html>"), 400, "UNSUPPORTED_FORMAT"),
                new Upload("zip-renamed-to-png", concat(new byte[] {'P', 'K', 3, 4, 20, 0}, new byte[200]), 400,
                        "UNSUPPORTED_FORMAT"),
                new Upload("png-magic-then-garbage", concat(Arrays.copyOf(png, 8), text("garbage, not chunks")), 400,
                        "INVALID_IMAGE"));
    }

    /** 640x480 of noisy gradients: a scan of real size, so truncations land inside it. */
    static byte[] photoJpeg() {
        BufferedImage photo = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(3);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                photo.setRGB(x, y, (x * 255 / 640) << 16 | (y * 255 / 480) << 8 | 96 + noise.nextInt(64));
            }
        }
        return write(photo, "jpeg");
    }

    private static byte[] corruptScan(byte[] jpeg) {
        byte[] corrupt = jpeg.clone();
        Arrays.fill(corrupt, jpeg.length / 3, jpeg.length / 3 + 2_000, (byte) 0x55);
        return corrupt;
    }

    private static byte[] claiming(byte[] jpeg, int width, int height) {
        byte[] lying = jpeg.clone();
        for (int i = 2; i + 9 < lying.length; i++) {
            if ((lying[i] & 0xFF) == 0xFF && (lying[i + 1] & 0xFF) == 0xC0) {
                lying[i + 5] = (byte) (height >> 8);
                lying[i + 6] = (byte) height;
                lying[i + 7] = (byte) (width >> 8);
                lying[i + 8] = (byte) width;
                return lying;
            }
        }
        throw new IllegalArgumentException("no SOF0");
    }

    private static byte[] flatPng(int width, int height) {
        return write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png");
    }

    private static byte[] withAppSegments(byte[] jpeg, int count) {
        byte[] filler = new byte[60_000];
        Arrays.fill(filler, (byte) 'x');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 0; i < count; i++) {
            out.writeBytes(segment(0xE1 + i % 12, filler));
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * {@code count} APP1 "Exif" segments of ~64 KB, each a TIFF structure whose IFD claims 65535 entries (the
     * segment holds ~5400), points its EXIF sub-IFD and its next IFD back at itself, and gives the orientation
     * tag two billion values.
     */
    static byte[] withLyingExif(byte[] jpeg, int count) {
        ByteBuffer tiff = ByteBuffer.allocate(65_000).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put(text("II")).putShort((short) 42).putInt(8).putShort((short) 0xFFFF);
        for (int i = 0; tiff.remaining() >= 16; i++) {
            if (i % 2 == 0) {
                tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(8);
            } else {
                tiff.putShort((short) 0x0112).putShort((short) 4).putInt(0x7FFF_FFFF).putInt(0x7FFF_FFF0);
            }
        }
        tiff.putInt(8);
        byte[] exif = segment(0xE1, concat(text("Exif\0\0"), tiff.array()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 0; i < count; i++) {
            out.writeBytes(exif);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] withLyingIccProfile(byte[] jpeg) {
        ByteBuffer profile = ByteBuffer.allocate(1_000).putInt(0x7FFF_FFF0);
        profile.put(12, text("mntrRGB XYZ ")).put(36, text("acsp"));
        byte[] payload = concat(text("ICC_PROFILE\0"), new byte[] {1, 1}, profile.array());
        return concat(Arrays.copyOf(jpeg, 2), segment(0xE2, payload), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] gifWithFrames(int frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            BufferedImage frame = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_INDEXED);
            for (int i = 0; i < frames; i++) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] write(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
