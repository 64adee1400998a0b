package com.storagecompressai.engine.metadata;

import com.storagecompressai.imaging.EmbeddedExif;
import java.util.Optional;

/**
 * What metadata an answer carries, decided once per upload: none ({@code strip}), or the upload's EXIF (from a
 * JPEG, PNG or WebP) without GPS, MakerNote, thumbnail and orientation. Also offers the upload itself, with the same metadata treatment,
 * when its pixels need nothing done: a JPEG that is upright and plain sRGB (no ICC, no Adobe/CMYK).
 */
public final class OutputMetadata {

    private final Optional<JpegSegments> upload;
    private final Optional<ExifTiff> exif;
    private final byte[] keptExif;

    private OutputMetadata(Optional<JpegSegments> upload, Optional<ExifTiff> exif, byte[] keptExif) {
        this.upload = upload;
        this.exif = exif;
        this.keptExif = keptExif;
    }

    public static OutputMetadata of(byte[] upload, boolean strip) {
        Optional<JpegSegments> segments = JpegSegments.parse(upload);
        Optional<ExifTiff> exif = EmbeddedExif.of(upload).flatMap(ExifTiff::parse);
        byte[] kept = strip ? null : exif.flatMap(ExifTiff::filtered).orElse(null);
        return new OutputMetadata(segments, exif, kept);
    }

    /** {@code encoded} (our encoder's output, which has no metadata) with the metadata to keep. */
    public byte[] applyTo(byte[] encoded) {
        return keptExif == null ? encoded : ExifSegment.insert(encoded, keptExif);
    }

    /**
     * The upload as it may be answered unchanged in its pixels, or empty when it is not a JPEG, is rotated by
     * EXIF (or has EXIF we cannot read), or has colours a decoder converts.
     */
    public Optional<byte[]> uploadAsIs() {
        if (upload.isEmpty()) {
            return Optional.empty();
        }
        JpegSegments segments = upload.get();
        boolean upright = segments.exif().isEmpty() || exif.map(e -> e.orientation() == 1).orElse(false);
        if (!upright || segments.needsColourConversion()) {
            return Optional.empty();
        }
        return Optional.of(segments.withoutMetadata(keptExif == null ? null : ExifSegment.of(keptExif)));
    }
}
