package com.storagecompressai.engine;

import com.storagecompressai.engine.api.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The compression meters. In Prometheus: {@code image_decode_seconds}, {@code image_encode_seconds}
 * (histograms), {@code images_compressed_total}, {@code image_input_bytes_total},
 * {@code image_output_bytes_total} and {@code images_failed_total{code=…}}.
 */
final class CompressionMetrics {

    /** A dozen fixed histogram buckets, from 5 ms to 30 s (Micrometer's percentile histogram has ~70). */
    static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Timer decode;
    private final Timer encode;
    private final Counter compressed;
    private final Counter inputBytes;
    private final Counter outputBytes;

    CompressionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decode = Timer.builder("image.decode").description("Time to decode an upload into pixels")
                .serviceLevelObjectives(BUCKETS).register(registry);
        this.encode = Timer.builder("image.encode").description("Time to encode pixels as JPEG")
                .serviceLevelObjectives(BUCKETS).register(registry);
        this.compressed = Counter.builder("images.compressed").description("Images compressed to JPEG")
                .register(registry);
        this.inputBytes = Counter.builder("image.input").baseUnit("bytes")
                .description("Bytes of images given to the compressor").register(registry);
        this.outputBytes = Counter.builder("image.output").baseUnit("bytes")
                .description("Bytes of JPEG produced").register(registry);
    }

    void succeeded(long in, long out, Duration decodeTime, Duration encodeTime) {
        decode.record(decodeTime);
        encode.record(encodeTime);
        compressed.increment();
        inputBytes.increment(in);
        outputBytes.increment(out);
    }

    void failed(ErrorCode code) {
        Counter.builder("images.failed").description("Compressions refused or failed, by error code")
                .tag("code", code.name()).register(registry).increment();
    }
}
