package com.storagecompressai.jpeg.quant;

import com.storagecompressai.jpeg.ChromaSubsampling;
import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.EncoderOptions;
import com.storagecompressai.jpeg.JpegEncoder;
import com.storagecompressai.jpeg.RasterImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Test-scope tool: encodes PPMs with the real {@link JpegEncoder} at several qualities in one JVM, for the
 * rate/quality bench. {@code RealEncoderBatch <outdir> <q,q,...> <ppm...>}, or
 * {@code RealEncoderBatch <quality> <in.ppm> <out.jpg>} for the shared harness's candidate template.
 * System property {@code sub} = 420|422|444.
 */
public final class RealEncoderBatch {

    private RealEncoderBatch() {
    }

    public static void main(String[] args) throws IOException {
        ChromaSubsampling sub = ChromaSubsampling.valueOf("S" + System.getProperty("sub", "420"));
        try (JpegEncoder encoder = new JpegEncoder(Integer.getInteger("threads", 1))) {
            if (args[0].matches("\\d+")) {
                Files.write(Path.of(args[2]), encode(encoder, Path.of(args[1]), Integer.parseInt(args[0]), sub));
                return;
            }
            Path dir = Path.of(args[0]);
            Files.createDirectories(dir);
            String[] qs = args[1].split(",");
            List<String> files = Arrays.asList(args).subList(2, args.length);
            files.parallelStream().forEach(f -> {
                String name = Path.of(f).getFileName().toString().replace(".ppm", "");
                for (String q : qs) {
                    try {
                        Files.write(dir.resolve(name + "_q" + q + ".jpg"),
                                encode(encoder, Path.of(f), Integer.parseInt(q), sub));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }

    private static byte[] encode(JpegEncoder encoder, Path ppm, int quality, ChromaSubsampling sub) throws IOException {
        BenchEncoder.Ppm img = BenchEncoder.Ppm.read(ppm);
        RasterImage image = new RasterImage(img.width(), img.height(), ColorChannels.RGB, img.rgb());
        return encoder.encode(image, EncoderOptions.quality(quality).withSubsampling(sub));
    }
}
