package com.storagecompressai.imaging;

import java.util.Optional;

/** The EXIF an upload carries, for callers that keep some of it in their output. */
public final class EmbeddedExif {

    private EmbeddedExif() {
    }

    /**
     * @return the EXIF TIFF structure (without the "Exif\0\0" prefix) of a JPEG (APP1), PNG (eXIf) or WebP
     *         (EXIF chunk); empty for other formats, for files without EXIF and for damaged containers
     */
    public static Optional<byte[]> of(byte[] file) {
        return ImageFormat.sniff(file)
                .map(format -> ContainerMetadata.scan(format, file).exif());
    }
}
