package com.storagecompressai.engine.cli;

import com.storagecompressai.imaging.ImageDecodeException;
import com.storagecompressai.imaging.ImageDecoder;
import com.storagecompressai.jpeg.RasterImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a CLI input file: PGM/PPM by our reader, anything else through imaging (as the service does). */
final class InputImages {

    /** The JPEG format's own limit; the CLI has no MAX_PIXELS. */
    private static final long MAX_PIXELS = 65_535L * 65_535L;

    private final ImageDecoder decoder = new ImageDecoder(MAX_PIXELS);

    RasterImage read(Path file) throws IOException, CliException {
        byte[] bytes = Files.readAllBytes(file);
        if (PnmReader.isPnm(bytes)) {
            try {
                return PnmReader.read(bytes);
            } catch (IllegalArgumentException e) {
                throw new CliException(file + ": " + e.getMessage());
            }
        }
        try {
            return decoder.decode(bytes);
        } catch (ImageDecodeException e) {
            throw new CliException(file + ": " + e.getMessage());
        }
    }
}
