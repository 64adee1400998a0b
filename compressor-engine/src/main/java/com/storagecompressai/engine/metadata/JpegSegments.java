package com.storagecompressai.engine.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The marker segments of a JPEG file up to its first scan, and the rest (scans and all after) as one tail.
 * Only what metadata handling needs: find the EXIF APP1, tell whether the file carries colour information
 * a decoder would have to convert, and rebuild the file without its metadata segments.
 */
public final class JpegSegments {

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC_HEADER = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);

    /** One segment: its marker and where it lies in the file, from the 0xFF of its marker to its end. */
    record Segment(int marker, int offset, int length) {
    }

    private final byte[] file;
    private final List<Segment> segments;
    private final int tailOffset;

    private JpegSegments(byte[] file, List<Segment> segments, int tailOffset) {
        this.file = file;
        this.segments = segments;
        this.tailOffset = tailOffset;
    }

    /** @return the segments, or empty when {@code file} is not a JPEG whose headers parse cleanly */
    public static Optional<JpegSegments> parse(byte[] file) {
        if (file.length < 4 || (file[0] & 0xFF) != 0xFF || (file[1] & 0xFF) != SOI) {
            return Optional.empty();
        }
        List<Segment> segments = new ArrayList<>();
        int at = 2;
        while (at + 4 <= file.length) {
            if ((file[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = file[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == SOS) {
                return Optional.of(new JpegSegments(file, List.copyOf(segments), at));
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD9) {
                return Optional.empty(); // no standalone markers belong before the first scan
            }
            int length = (file[at + 2] & 0xFF) << 8 | file[at + 3] & 0xFF;
            if (length < 2 || at + 2 + length > file.length) {
                return Optional.empty();
            }
            segments.add(new Segment(marker, at, 2 + length));
            at += 2 + length;
        }
        return Optional.empty();
    }

    /** The TIFF structure of the first EXIF APP1 ("Exif\0\0" removed), if there is one. */
    public Optional<byte[]> exif() {
        return segments.stream()
                .filter(s -> s.marker() == APP1 && startsWith(s, EXIF_HEADER))
                .findFirst()
                .map(s -> copy(s.offset() + 4 + EXIF_HEADER.length, s.offset() + s.length()));
    }

    /**
     * True when a decoder would change the colours on the way to sRGB: an ICC profile, an Adobe segment (CMYK,
     * YCCK or RGB without transform), more than three components or a sample precision other than 8 bits.
     */
    public boolean needsColourConversion() {
        for (Segment segment : segments) {
            int marker = segment.marker();
            if (marker == APP2 && startsWith(segment, ICC_HEADER) || marker == APP14) {
                return true;
            }
            if (isFrameHeader(marker)) {
                int body = segment.offset() + 4;
                if (segment.length() < 10) {
                    return true;
                }
                int precision = file[body] & 0xFF;
                int components = file[body + 5] & 0xFF;
                return precision != 8 || (components != 1 && components != 3);
            }
        }
        return true; // no frame header seen: do not trust the file
    }

    /**
     * The same file without APP1–APP15 (except APP14, which tells how to read the colours) and comments;
     * {@code app1} (a whole segment, marker included) goes right after APP0 when not null.
     */
    public byte[] withoutMetadata(byte[] app1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(0xFF);
        out.write(SOI);
        boolean inserted = app1 == null;
        for (Segment segment : segments) {
            int marker = segment.marker();
            boolean metadata = marker > APP0 && marker <= APP15 && marker != APP14 || marker == COM;
            if (!inserted && marker != APP0) {
                out.writeBytes(app1);
                inserted = true;
            }
            if (!metadata) {
                out.write(file, segment.offset(), segment.length());
            }
        }
        if (!inserted) {
            out.writeBytes(app1);
        }
        out.write(file, tailOffset, file.length - tailOffset);
        return out.toByteArray();
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private boolean startsWith(Segment segment, byte[] header) {
        int from = segment.offset() + 4;
        if (segment.length() - 4 < header.length) {
            return false;
        }
        for (int i = 0; i < header.length; i++) {
            if (file[from + i] != header[i]) {
                return false;
            }
        }
        return true;
    }

    private byte[] copy(int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(file, from, part, 0, part.length);
        return part;
    }
}
