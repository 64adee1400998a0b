package com.storagecompressai.jpeg;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-scope tool (JDK 25 {@code java}): {@code java -cp jpeg/target/classes:jpeg/target/test-classes
 * com.storagecompressai.jpeg.PpmEncodeMain IN.ppm OUT.jpg [quality] [baseline|progressive] [fast|default]
 * [420|422|444] [threads] [repeat]}. Prints size and MP/s (best of the repeats, after the same number of
 * warm-up runs).
 */
public final class PpmEncodeMain {

    private PpmEncodeMain() {
    }

    public static void main(String[] args) throws Exception {
        RasterImage image = Pnm.read(Files.readAllBytes(Path.of(args[0])));
        int quality = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        boolean progressive = args.length <= 3 || args[3].startsWith("p");
        Effort effort = args.length > 4 && args[4].equals("fast") ? Effort.FAST : Effort.DEFAULT;
        ChromaSubsampling sub = args.length > 5 ? ChromaSubsampling.valueOf("S" + args[5]) : ChromaSubsampling.S420;
        int threads = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        int repeat = args.length > 7 ? Integer.parseInt(args[7]) : 1;
        var options = EncoderOptions.quality(quality).withProgressive(progressive).withEffort(effort)
                .withSubsampling(sub);
        try (var encoder = new JpegEncoder(threads)) {
            byte[] out = null;
            for (int i = 0; i < repeat; i++) {
                out = encoder.encode(image, options);
            }
            long best = Long.MAX_VALUE;
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                out = encoder.encode(image, options);
                best = Math.min(best, System.nanoTime() - t0);
            }
            Files.write(Path.of(args[1]), out);
            double mp = (double) image.width() * image.height() / 1e6;
            System.out.printf("%d bytes, %.1f ms, %.1f MP/s%n", out.length, best / 1e6, mp / (best / 1e9));
        }
    }
}
