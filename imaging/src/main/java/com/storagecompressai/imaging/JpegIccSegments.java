package com.storagecompressai.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ICC profile a JPEG carries in APP2 "ICC_PROFILE" chunks (ICC.1:2022, annex B.4). TwelveMonkeys'
 * reader sizes its profile buffer from the size field of the profile's header, not from the bytes present:
 * a 2 KB file whose profile claims 2 GB would allocate 2 GB. A profile that claims more than its chunks carry
 * is damaged anyway, so its segments are dropped and the image decodes as sRGB, as browsers do.
 */
final class JpegIccSegments {

    private static final byte[] ICC_HEADER = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    /** ICC_PROFILE\0, chunk number, chunk count. */
    private static final int CHUNK_HEADER = ICC_HEADER.length + 2;

    private JpegIccSegments() {
    }

    /** One APP2 ICC chunk: the bytes {@code [start, end)} of the file. */
    private record Chunk(int start, int end) {
    }

    /** {@code jpeg} itself when its ICC profile is absent or consistent, else a copy without the ICC chunks. */
    static byte[] withoutLyingProfile(byte[] jpeg) {
        List<Chunk> chunks = iccChunks(jpeg);
        long carried = 0;
        long declared = -1;
        for (Chunk chunk : chunks) {
            int data = chunk.start() + 4 + CHUNK_HEADER;
            carried += chunk.end() - data;
            if (jpeg[chunk.start() + 4 + ICC_HEADER.length] == 1 && chunk.end() - data >= 4) {
                declared = u32be(jpeg, data);
            }
        }
        return declared > carried ? without(jpeg, chunks) : jpeg;
    }

    /** The ICC chunks among the marker segments before the first scan. */
    private static List<Chunk> iccChunks(byte[] jpeg) {
        List<Chunk> chunks = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9 || isStandalone(marker)) {
                break;
            }
            int end = pos + 2 + u16be(jpeg, pos + 2);
            if (end > jpeg.length) {
                break;
            }
            if (isIccChunk(jpeg, pos, end)) {
                chunks.add(new Chunk(pos, end));
            }
            pos = end;
        }
        return chunks;
    }

    /** The file with every byte of the given chunks left out. */
    private static byte[] without(byte[] jpeg, List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        int from = 0;
        for (Chunk chunk : chunks) {
            out.write(jpeg, from, chunk.start() - from);
            from = chunk.end();
        }
        out.write(jpeg, from, jpeg.length - from);
        return out.toByteArray();
    }

    private static boolean isIccChunk(byte[] jpeg, int segment, int end) {
        int data = segment + 4;
        return (jpeg[segment + 1] & 0xFF) == 0xE2 && end - data >= CHUNK_HEADER
                && Arrays.equals(jpeg, data, data + ICC_HEADER.length, ICC_HEADER, 0, ICC_HEADER.length);
    }

    /** TEM and RSTn carry no length. */
    private static boolean isStandalone(int marker) {
        return marker == 0x01 || marker >= 0xD0 && marker <= 0xD7;
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static long u32be(byte[] b, int i) {
        return (long) (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }
}
