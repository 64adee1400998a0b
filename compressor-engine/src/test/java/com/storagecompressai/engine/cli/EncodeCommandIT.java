package com.storagecompressai.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.TestPngs;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as the benchmarks do: {@code java -jar … encode}. */
class EncodeCommandIT {

    private static final Path JAR = Path.of("target", "compressor-engine-0.1.0.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void encodesAPngFileToAJpegFile(@TempDir Path dir) throws Exception {
        // given
        Path in = Files.write(dir.resolve("gradient-96x64.png"), TestPngs.gradient(96, 64));
        Path out = dir.resolve("out.jpg");

        // when
        Process process = run("encode", "--quality", "75", in.toString(), out.toString());

        // then
        assertThat(process.exitValue()).as(output(process)).isZero();
        BufferedImage jpeg = ImageIO.read(out.toFile());
        assertThat(jpeg.getWidth()).isEqualTo(96);
        assertThat(jpeg.getHeight()).isEqualTo(64);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("gradient-96x64.png", "out.jpg");
        }
    }

    @Test
    void encodesAPpmFileAndBenchPrintsThroughput(@TempDir Path dir) throws Exception {
        // given
        byte[] header = "P6\n4 2\n255\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] pixels = new byte[4 * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 10);
        }
        Path in = dir.resolve("tiny-4x2.ppm");
        Files.write(in, header);
        Files.write(in, pixels, java.nio.file.StandardOpenOption.APPEND);

        // when
        Process encode = run("encode", in.toString(), dir.resolve("tiny.jpg").toString());
        Process bench = run("bench", "--quality", "80", "--repeat", "2", in.toString());

        // then
        assertThat(encode.exitValue()).as(output(encode)).isZero();
        assertThat(ImageIO.read(dir.resolve("tiny.jpg").toFile()).getWidth()).isEqualTo(4);
        assertThat(bench.exitValue()).isZero();
        assertThat(output(bench).lines().toList()).anyMatch(line -> line.matches("MP/s [0-9]+(\\.[0-9]+)?"));
    }

    @Test
    void failsWithUsageOnBadArguments() throws Exception {
        Process process = run("encode", "--quality", "0", "a", "b");

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output(process)).contains("--quality takes a whole number from 1 to 100");
    }

    private static Process run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish: " + command);
        }
        return process;
    }

    private static String output(Process process) throws Exception {
        return new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
