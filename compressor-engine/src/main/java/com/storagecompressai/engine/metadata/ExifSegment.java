package com.storagecompressai.engine.metadata;

import java.nio.charset.StandardCharsets;

/**
 * An EXIF APP1 segment ("Exif\0\0" + TIFF structure) and how to put it into a JPEG we encoded: right after
 * APP0 (JFIF), or after SOI when there is no APP0. Stands in until the encoder can write EXIF itself.
 */
public final class ExifSegment {

    /** Largest TIFF payload one APP1 carries: 65535 − 2 (length) − 6 ("Exif\0\0"). */
    public static final int MAX_PAYLOAD = 65_527;
    private static final byte[] HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifSegment() {
    }

    /** The whole segment, marker included. */
    public static byte[] of(byte[] tiff) {
        if (tiff.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("EXIF of " + tiff.length + " bytes does not fit one APP1 segment");
        }
        int length = 2 + HEADER.length + tiff.length;
        byte[] segment = new byte[2 + length];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xE1;
        segment[2] = (byte) (length >>> 8);
        segment[3] = (byte) length;
        System.arraycopy(HEADER, 0, segment, 4, HEADER.length);
        System.arraycopy(tiff, 0, segment, 4 + HEADER.length, tiff.length);
        return segment;
    }

    /** {@code jpeg} with the segment inserted after its APP0 (or SOI); {@code jpeg} itself is not changed. */
    public static byte[] insert(byte[] jpeg, byte[] tiff) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG file");
        }
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0 && jpeg.length >= 6) {
            at = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        }
        byte[] segment = of(tiff);
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, at);
        System.arraycopy(segment, 0, out, at, segment.length);
        System.arraycopy(jpeg, at, out, at + segment.length, jpeg.length - at);
        return out;
    }
}
