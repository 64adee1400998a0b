package com.storagecompressai.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.imaging.ImageDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class InProcessCompressorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void compressesPngToJpegOfTheSameSizeAndCountsIt() throws Exception {
        // given
        byte[] png = TestPngs.gradient(40, 30);
        try (InProcessCompressor compressor = new InProcessCompressor(
                new ImageDecoder(1_000_000), Encoders.standard(1), 1, 1, registry)) {

            // when
            Compressed result = compressor.compress(png, new CompressOptions(70));

            // then
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(result.jpeg()));
            assertThat(decoded.getWidth()).isEqualTo(40);
            assertThat(decoded.getHeight()).isEqualTo(30);
            assertThat(result.width()).isEqualTo(40);
            assertThat(registry.get("images.compressed").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("image.input").counter().count()).isEqualTo(png.length);
            assertThat(registry.get("image.output").counter().count()).isEqualTo(result.jpeg().length);
            assertThat(registry.get("image.encode").timer().count()).isEqualTo(1);
        }
    }

    @Test
    void mapsDecodeFailuresToTheirCodes() {
        try (InProcessCompressor compressor = new InProcessCompressor(
                new ImageDecoder(1_000), Encoders.standard(1), 1, 1, registry)) {
            byte[] png = TestPngs.gradient(20, 20);

            assertThat(codeOf(compressor, "text".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
            assertThat(codeOf(compressor, Arrays.copyOf(png, png.length / 2))).isEqualTo(ErrorCode.INVALID_IMAGE);
            assertThat(codeOf(compressor, TestPngs.headerOnly(100_000, 100_000))).isEqualTo(ErrorCode.IMAGE_TOO_LARGE);
            assertThat(registry.get("images.failed").tag("code", "INVALID_IMAGE").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void mapsAnEncoderFailureToCompressionFailed() {
        Encoders.Handle broken = new Encoders.Handle((image, options) -> {
            throw new IllegalStateException("boom");
        }, () -> { });
        try (InProcessCompressor compressor = new InProcessCompressor(new ImageDecoder(1_000_000), broken, 1, 1, registry)) {
            assertThat(codeOf(compressor, TestPngs.gradient(8, 8))).isEqualTo(ErrorCode.COMPRESSION_FAILED);
        }
    }

    @Test
    void refusesWorkAtOnceWhenWorkersAndQueueAreFull() throws Exception {
        // given: one worker, no queue, and an encode that holds the worker until released
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Encoders.Handle blocking = new Encoders.Handle((image, options) -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[] {1};
        }, () -> { });
        try (InProcessCompressor compressor = new InProcessCompressor(new ImageDecoder(1_000_000), blocking, 1, 0, registry)) {
            byte[] png = TestPngs.gradient(8, 8);
            CompletableFuture<Compressed> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return compressor.compress(png, CompressOptions.defaults());
                } catch (CompressionException e) {
                    throw new IllegalStateException(e);
                }
            });
            entered.await();

            // when / then
            assertThatThrownBy(() -> compressor.compress(png, CompressOptions.defaults()))
                    .isInstanceOfSatisfying(CompressionException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED));
            release.countDown();
            assertThat(first.get().jpeg()).containsExactly(1);
        }
    }

    private static ErrorCode codeOf(InProcessCompressor compressor, byte[] input) {
        try {
            compressor.compress(input, CompressOptions.defaults());
            throw new AssertionError("expected a CompressionException");
        } catch (CompressionException e) {
            return e.code();
        }
    }
}
