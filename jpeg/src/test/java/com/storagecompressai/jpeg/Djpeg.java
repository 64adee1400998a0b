package com.storagecompressai.jpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Decodes with libjpeg-turbo's djpeg (the reference decoder of the brief) and insists on a clean decode. */
final class Djpeg {

    private Djpeg() {
    }

    /** Decoded image: 1 or 3 channels. Fails the test if djpeg is missing, warns, or fails. */
    static RasterImage decode(byte[] jpeg) {
        return Pnm.read(run(List.of("djpeg", "-pnm"), jpeg));
    }

    /** Losslessly rewrites the file with {@code jpegtran -copy none}; fails on any warning (brief §5 gate). */
    static byte[] jpegtran(byte[] jpeg) {
        return run(List.of("jpegtran", "-copy", "none"), jpeg);
    }

    private static byte[] run(List<String> command, byte[] jpeg) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(command.getFirst()
                    + " is missing: install libjpeg-turbo-progs (apt-get install -y libjpeg-turbo-progs)", e);
        }
        try {
            var stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            var stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (var in = p.getOutputStream()) {
                in.write(jpeg);
            } catch (IOException e) {
                // djpeg may stop reading early on a broken file; its exit status tells
            }
            int rc = p.waitFor();
            String err = new String(stderr.join(), StandardCharsets.UTF_8).trim();
            if (rc != 0 || !err.isEmpty()) {
                throw new AssertionError(command.getFirst() + " exit " + rc + ": " + err);
            }
            return stdout.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; var out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
