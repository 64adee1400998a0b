package com.storagecompressai.imaging;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Buffer sizes a container announces besides the image size that ImageReader reports, so that a header
 * that lies (a 1x1 WebP canvas over a 16383x16383 bitstream, a 1x1 TIFF with 65535x65535 tiles) cannot make
 * a reader allocate past MAX_PIXELS. Returns the largest pixel count found; 0 when there is nothing more.
 */
final class DeclaredSizes {

    private DeclaredSizes() {
    }

    static long largestBuffer(ImageFormat format, byte[] bytes) {
        try {
            return switch (format) {
                case WEBP -> webp(bytes);
                case TIFF -> tiffTile(bytes);
                case JPEG, PNG, GIF, BMP -> 0;
            };
        } catch (RuntimeException damaged) {
            return 0; // the reader will judge a damaged file
        }
    }

    private static long webp(byte[] b) {
        long largest = 0;
        int pos = 12;
        while (pos + 8 <= b.length) {
            String fourcc = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
            long size = u32le(b, pos + 4);
            int data = pos + 8;
            switch (fourcc) {
                case "VP8X" -> {
                    if (data + 10 <= b.length) {
                        long width = 1 + u24le(b, data + 4);
                        long height = 1 + u24le(b, data + 7);
                        largest = Math.max(largest, width * height);
                    }
                }
                case "VP8 " -> {
                    // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (RFC 6386, 9.1)
                    if (data + 10 <= b.length) {
                        long width = u16le(b, data + 6) & 0x3FFF;
                        long height = u16le(b, data + 8) & 0x3FFF;
                        largest = Math.max(largest, width * height);
                    }
                }
                case "VP8L" -> {
                    // signature 0x2F, then 14 bits width-1 and 14 bits height-1 (RFC 9649, 3.2)
                    if (data + 5 <= b.length) {
                        long bits = u32le(b, data + 1);
                        long width = 1 + (bits & 0x3FFF);
                        long height = 1 + (bits >> 14 & 0x3FFF);
                        largest = Math.max(largest, width * height);
                    }
                }
                default -> { }
            }
            if (size > b.length) {
                break;
            }
            pos = data + (int) size + (int) (size & 1);
        }
        return largest;
    }

    private static long tiffTile(byte[] b) {
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(b)) {
            Directory ifd = new TIFFReader().read(in);
            long width = number(ifd.getEntryById(TIFF.TAG_TILE_WIDTH));
            long height = number(ifd.getEntryById(TIFF.TAG_TILE_HEIGTH));
            return width * height;
        } catch (Exception damaged) {
            return 0;
        }
    }

    private static long number(Entry entry) {
        return entry != null && entry.getValue() instanceof Number n ? Math.max(0, n.longValue()) : 0;
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u24le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (long) (b[i + 2] & 0xFF) << 16;
    }

    private static long u32le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (long) (b[i + 3] & 0xFF) << 24;
    }
}
