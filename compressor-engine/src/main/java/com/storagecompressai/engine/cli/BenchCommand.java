package com.storagecompressai.engine.cli;

import com.storagecompressai.engine.JpegEncoding;
import com.storagecompressai.jpeg.RasterImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench FILE…}: decodes every file first, warms the encoder up, then times {@code repeat} runs of
 * encoding all of them and prints the best run's throughput alone on its line as {@code MP/s <number>}.
 */
public final class BenchCommand {

    private static final int WARM_UP_RUNS = 3;

    private final JpegEncoding encoding;
    private final PrintStream out;

    public BenchCommand(JpegEncoding encoding, PrintStream out) {
        this.encoding = encoding;
        this.out = out;
    }

    public double run(Command.Bench command) throws IOException, CliException {
        InputImages inputs = new InputImages();
        List<RasterImage> images = new ArrayList<>();
        double megapixels = 0;
        for (Path file : command.files()) {
            RasterImage image = inputs.read(file);
            images.add(image);
            megapixels += (double) image.width() * image.height() / 1e6;
        }
        long sink = 0;
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            sink += encodeAll(images, command);
        }
        long bestNanos = Long.MAX_VALUE;
        long bytes = 0;
        for (int run = 0; run < command.repeat(); run++) {
            long start = System.nanoTime();
            bytes = encodeAll(images, command);
            long elapsed = System.nanoTime() - start;
            bestNanos = Math.min(bestNanos, elapsed);
            out.printf(Locale.ROOT, "run %d: %.3f ms%n", run + 1, elapsed / 1e6);
        }
        double best = megapixels / (bestNanos / 1e9);
        out.printf(Locale.ROOT, "files %d, %.3f MP, %d JPEG bytes, quality %d%n",
                images.size(), megapixels, bytes + (sink & 0), command.options().quality());
        out.printf(Locale.ROOT, "MP/s %.3f%n", best);
        return best;
    }

    private long encodeAll(List<RasterImage> images, Command.Bench command) {
        long bytes = 0;
        for (RasterImage image : images) {
            bytes += encoding.encode(image, command.options()).length;
        }
        return bytes;
    }
}
