package com.storagecompressai.engine.cli;

import com.storagecompressai.engine.JpegEncoding;
import com.storagecompressai.jpeg.RasterImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** {@code encode IN OUT}: the JPEG is written to a temporary file beside OUT, then renamed onto it. */
public final class EncodeCommand {

    private final JpegEncoding encoding;

    public EncodeCommand(JpegEncoding encoding) {
        this.encoding = encoding;
    }

    public void run(Command.Encode command) throws IOException, CliException {
        RasterImage image = new InputImages().read(command.input());
        byte[] jpeg = encoding.encode(image, command.options());
        writeAtomically(command.output(), jpeg);
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // Not createTempFile: its owner-only permissions would stick to the renamed output.
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
