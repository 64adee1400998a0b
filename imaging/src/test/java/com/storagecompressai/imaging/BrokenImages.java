package com.storagecompressai.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Hostile and broken inputs, each method named after its defect (as TwelveMonkeys' broken-jpeg/ folder
 * names its files), generated from a valid picture so that only the defect differs.
 */
final class BrokenImages {

    private BrokenImages() {
    }

    /**
     * What a phone or camera writes: 1024x768 of noisy gradients (so the scan is large), 4:2:0, an APP1 EXIF
     * block first, and a few stray bytes after EOI as some cameras leave.
     */
    static byte[] cameraLikeJpeg() throws Exception {
        byte[] jpeg = TestImages.jpegWithExif(TestEncoders.jpeg(noisyPhoto(), false), TestImages.exifWithOrientation(1));
        return TestImages.concat(jpeg, new byte[] {0, 0, 0, 0});
    }

    static byte[] progressiveJpeg() throws Exception {
        return TestEncoders.jpeg(noisyPhoto(), true);
    }

    private static BufferedImage noisyPhoto() {
        BufferedImage photo = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(42);
        for (int y = 0; y < 768; y++) {
            for (int x = 0; x < 1024; x++) {
                int r = x * 255 / 1024;
                int g = y * 255 / 768;
                int b = 128 + noise.nextInt(64);
                photo.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return photo;
    }

    static byte[] validJpeg() throws Exception {
        return TestEncoders.jpeg(TestImages.quadrants(), false);
    }

    /** Only the final EOI marker is gone; every scan byte is there (common in the wild). */
    static byte[] jpegMissingEoiOnly(byte[] jpeg) {
        return Arrays.copyOf(jpeg, jpeg.length - 2);
    }

    static byte[] jpegTruncatedAt(byte[] jpeg, double fraction) {
        return Arrays.copyOf(jpeg, (int) (jpeg.length * fraction));
    }

    /** 2000 bytes of the entropy-coded scan overwritten, headers intact. */
    static byte[] jpegWithCorruptEntropyData(byte[] jpeg) {
        byte[] corrupt = jpeg.clone();
        int start = scanStart(jpeg) + 200;
        Arrays.fill(corrupt, start, Math.min(start + 2000, jpeg.length - 2), (byte) 0x55);
        return corrupt;
    }

    /** The SOF header claims {@code width}x{@code height}; the scan is the original small one. */
    static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
        byte[] lying = jpeg.clone();
        for (int i = 2; i + 9 < lying.length; i++) {
            if ((lying[i] & 0xFF) == 0xFF && ((lying[i + 1] & 0xFF) == 0xC0 || (lying[i + 1] & 0xFF) == 0xC2)) {
                lying[i + 5] = (byte) (height >> 8);
                lying[i + 6] = (byte) height;
                lying[i + 7] = (byte) (width >> 8);
                lying[i + 8] = (byte) width;
                return lying;
            }
        }
        throw new IllegalArgumentException("no SOF0/SOF2 marker");
    }

    /** {@code count} APP segments of ~64 KB each (APP1 and APP12 alternating) before the frame header. */
    static byte[] jpegWithManyAppSegments(byte[] jpeg, int count) {
        byte[] filler = new byte[65_000];
        Arrays.fill(filler, (byte) 'x');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 0; i < count; i++) {
            out.writeBytes(segment(i % 2 == 0 ? 0xE1 : 0xEC, filler));
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * {@code count} APP1 "Exif" segments of ~64 KB: TIFF structures whose IFD claims 65535 entries, points its EXIF
     * sub-IFD and next IFD back at itself, and gives the orientation tag two billion values.
     */
    static byte[] jpegWithLyingExif(byte[] jpeg, int count) {
        ByteBuffer tiff = ByteBuffer.allocate(65_000).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8).putShort((short) 0xFFFF);
        for (int i = 0; tiff.remaining() >= 16; i++) {
            if (i % 2 == 0) {
                tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(8);
            } else {
                tiff.putShort((short) 0x0112).putShort((short) 4).putInt(0x7FFF_FFFF).putInt(0x7FFF_FFF0);
            }
        }
        tiff.putInt(8);
        byte[] exif = segment(0xE1, TestImages.concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 0; i < count; i++) {
            out.writeBytes(exif);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** {@code chunks} APP2 ICC_PROFILE chunks of ~64 KB garbage that together claim to be one profile. */
    static byte[] jpegWithHugeGarbageIccProfile(byte[] jpeg, int chunks) {
        byte[] header = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] garbage = new byte[65_000];
        new Random(7).nextBytes(garbage);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 1; i <= chunks; i++) {
            out.writeBytes(segment(0xE2, TestImages.concat(header, new byte[] {(byte) i, (byte) chunks}, garbage)));
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** One small ICC chunk whose profile header says it is 2 GB long. */
    static byte[] jpegWithIccProfileClaimingTwoGigabytes(byte[] jpeg) {
        ByteBuffer profile = ByteBuffer.allocate(1_000).putInt(0x7FFF_FFF0);
        profile.put(12, "mntrRGB XYZ ".getBytes(StandardCharsets.ISO_8859_1)).put(36, "acsp".getBytes(StandardCharsets.ISO_8859_1));
        return TestImages.jpegWithIcc(jpeg, profile.array());
    }

    /** A 32x32 GIF with {@code frames} frames. */
    static byte[] gifWithFrames(int frames) throws Exception {
        ImageWriter writer = TestEncoders.jdkWriter("gif");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            BufferedImage frame = TestImages.filled(32, 32, BufferedImage.TYPE_BYTE_INDEXED, TestImages.RED);
            for (int i = 0; i < frames; i++) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
            out.flush();
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** {@code side}x{@code side} of one colour: a few kilobytes that decode to side² pixels. */
    static byte[] pngFlatSquare(int side) {
        return TestImages.write(new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY), "png");
    }

    static byte[] zipRenamedToPng() {
        return TestImages.concat(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, new byte[100]);
    }

    private static int scanStart(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return i + 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
            }
        }
        throw new IllegalArgumentException("no SOS marker");
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return TestImages.concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }
}
