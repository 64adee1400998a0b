package com.storagecompressai.engine.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The EXIF of an upload, read from its TIFF structure, and the copy we may pass on: IFD0 and the Exif
 * sub-IFD without GPS, MakerNote, XMP/IPTC (which can hold a location), the thumbnail (IFD1) and the tags
 * that describe the old pixels (orientation, sizes, strips, ICC). Copyright, camera, exposure and dates
 * stay. Written back in the byte order it came in, so values are copied verbatim.
 */
public final class ExifTiff {

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TAG_EXIF_IFD = 0x8769;
    private static final int TAG_GPS_IFD = 0x8825;
    private static final int MAX_ENTRIES = 1_000;
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8};

    /** IFD0 tags that do not carry over to the new file. */
    private static final Set<Integer> DROPPED_IN_IFD0 = Set.of(
            0x0100, 0x0101, 0x0102, 0x0103, 0x0106, 0x0111, TAG_ORIENTATION, 0x0115, 0x0116, 0x0117, 0x011C,
            0x014A, 0x0201, 0x0202, 0x02BC, 0x83BB, 0x8773, TAG_GPS_IFD, TAG_EXIF_IFD);
    /** Exif sub-IFD tags that do not carry over: MakerNote, the pixel sizes, the interoperability IFD. */
    private static final Set<Integer> DROPPED_IN_EXIF = Set.of(0x927C, 0xA002, 0xA003, 0xA005);

    record Entry(int tag, int type, int count, byte[] value) {
    }

    private final ByteOrder order;
    private final List<Entry> ifd0;
    private final List<Entry> exif;
    private final int orientation;

    private ExifTiff(ByteOrder order, List<Entry> ifd0, List<Entry> exif, int orientation) {
        this.order = order;
        this.ifd0 = ifd0;
        this.exif = exif;
        this.orientation = orientation;
    }

    /** @return the parsed EXIF, or empty when the structure is broken (then nothing of it is kept) */
    public static Optional<ExifTiff> parse(byte[] tiff) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(tiff);
            if (tiff.length < 8) {
                return Optional.empty();
            }
            ByteOrder order = switch (buffer.getShort(0)) {
                case 0x4949 -> ByteOrder.LITTLE_ENDIAN;
                case 0x4D4D -> ByteOrder.BIG_ENDIAN;
                default -> null;
            };
            if (order == null) {
                return Optional.empty();
            }
            buffer.order(order);
            if (buffer.getShort(2) != 42) {
                return Optional.empty();
            }
            List<Entry> ifd0 = readIfd(buffer, buffer.getInt(4));
            int orientation = 1;
            List<Entry> exif = List.of();
            for (Entry entry : ifd0) {
                if (entry.tag() == TAG_ORIENTATION && entry.type() == 3 && entry.count() >= 1) {
                    orientation = ByteBuffer.wrap(entry.value()).order(order).getShort(0) & 0xFFFF;
                }
                if (entry.tag() == TAG_EXIF_IFD && (entry.type() == 4 || entry.type() == 13) && entry.count() == 1) {
                    exif = readIfd(buffer, ByteBuffer.wrap(entry.value()).order(order).getInt(0));
                }
            }
            return Optional.of(new ExifTiff(order, ifd0, exif, orientation));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The orientation tag (1 when absent): anything but 1 means the stored pixels are not upright. */
    public int orientation() {
        return orientation;
    }

    /** The TIFF structure to embed, or empty when nothing worth keeping is left or it would not fit APP1. */
    public Optional<byte[]> filtered() {
        List<Entry> kept0 = ifd0.stream().filter(e -> !DROPPED_IN_IFD0.contains(e.tag())).toList();
        List<Entry> keptExif = exif.stream().filter(e -> !DROPPED_IN_EXIF.contains(e.tag())).toList();
        if (kept0.isEmpty() && keptExif.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> first = new ArrayList<>(kept0);
        if (!keptExif.isEmpty()) {
            first.add(new Entry(TAG_EXIF_IFD, 4, 1, new byte[4])); // offset patched below
        }
        first.sort(Comparator.comparingInt(Entry::tag));
        int ifd0Offset = 8;
        int exifOffset = ifd0Offset + ifdSize(first);
        byte[] ifd0Bytes = writeIfd(first, ifd0Offset, exifOffset);
        byte[] exifBytes = keptExif.isEmpty() ? new byte[0]
                : writeIfd(keptExif.stream().sorted(Comparator.comparingInt(Entry::tag)).toList(), exifOffset, 0);
        ByteBuffer header = ByteBuffer.allocate(8).order(order);
        header.putShort(order == ByteOrder.LITTLE_ENDIAN ? (short) 0x4949 : (short) 0x4D4D);
        header.putShort((short) 42);
        header.putInt(ifd0Offset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(ifd0Bytes);
        out.writeBytes(exifBytes);
        byte[] tiff = out.toByteArray();
        return tiff.length <= ExifSegment.MAX_PAYLOAD ? Optional.of(tiff) : Optional.empty();
    }

    /** Bytes an IFD takes with its out-of-line values, each padded to an even length. */
    private static int ifdSize(List<Entry> entries) {
        int size = 2 + 12 * entries.size() + 4;
        for (Entry entry : entries) {
            if (entry.value().length > 4) {
                size += entry.value().length + (entry.value().length & 1);
            }
        }
        return size;
    }

    /** @param exifOffset where the Exif sub-IFD starts, written into the pointer entry (if any) */
    private byte[] writeIfd(List<Entry> entries, int offset, int exifOffset) {
        ByteBuffer out = ByteBuffer.allocate(ifdSize(entries)).order(order);
        int data = offset + 2 + 12 * entries.size() + 4;
        out.putShort((short) entries.size());
        List<byte[]> outOfLine = new ArrayList<>();
        for (Entry entry : entries) {
            out.putShort((short) entry.tag());
            out.putShort((short) entry.type());
            out.putInt(entry.count());
            if (entry.tag() == TAG_EXIF_IFD) {
                out.putInt(exifOffset);
            } else if (entry.value().length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(entry.value(), 0, inline, 0, entry.value().length);
                out.put(inline);
            } else {
                out.putInt(data);
                outOfLine.add(entry.value());
                data += entry.value().length + (entry.value().length & 1);
            }
        }
        out.putInt(0); // no IFD1: the thumbnail shows the old pixels
        for (byte[] value : outOfLine) {
            out.put(value);
            if ((value.length & 1) == 1) {
                out.put((byte) 0);
            }
        }
        return out.array();
    }

    private static List<Entry> readIfd(ByteBuffer buffer, int offset) {
        if (offset < 8 || offset > buffer.limit() - 2) {
            return List.of();
        }
        int count = buffer.getShort(offset) & 0xFFFF;
        if (count > MAX_ENTRIES || offset + 2 + 12L * count > buffer.limit()) {
            throw new IllegalArgumentException("IFD runs past the end");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = offset + 2 + 12 * i;
            int tag = buffer.getShort(at) & 0xFFFF;
            int type = buffer.getShort(at + 2) & 0xFFFF;
            long values = buffer.getInt(at + 4) & 0xFFFFFFFFL;
            if (type == 0 || type >= TYPE_SIZES.length && type != 13) {
                continue; // unknown type: its size is unknown, so it cannot be copied
            }
            long size = values * (type == 13 ? 4 : TYPE_SIZES[type]);
            if (size > ExifSegment.MAX_PAYLOAD) {
                continue;
            }
            int from = size <= 4 ? at + 8 : buffer.getInt(at + 8);
            if (from < 0 || from + size > buffer.limit()) {
                continue;
            }
            byte[] value = new byte[(int) size];
            buffer.get(from, value);
            entries.add(new Entry(tag, type, (int) values, value));
        }
        return entries;
    }
}
