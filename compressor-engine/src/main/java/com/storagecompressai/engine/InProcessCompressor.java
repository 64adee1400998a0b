package com.storagecompressai.engine;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.engine.config.EngineConfig;
import com.storagecompressai.imaging.ImageDecodeException;
import com.storagecompressai.imaging.ImageDecoder;
import com.storagecompressai.imaging.ImageTooLargeException;
import com.storagecompressai.imaging.InvalidImageException;
import com.storagecompressai.imaging.UnsupportedFormatException;
import com.storagecompressai.jpeg.EncoderOptions;
import com.storagecompressai.jpeg.RasterImage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes with imaging and encodes with our JPEG encoder on a bounded pool of platform threads (CPU work):
 * {@code workers} compressions at once and at most {@code queueCapacity} waiting; beyond that a call fails
 * at once with {@link ErrorCode#OVERLOADED}. Thread-safe; callers block (virtual threads welcome).
 */
public final class InProcessCompressor implements Compressor {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessCompressor.class);

    private final ImageDecoder decoder;
    private final JpegEncoding encoding;
    private final AutoCloseable encoderResources;
    private final ThreadPoolExecutor pool;
    private final CompressionMetrics metrics;

    /** The engine as configured: imaging's decoder limited to {@code config.maxPixels()}, our encoder. */
    public InProcessCompressor(EngineConfig config, MeterRegistry registry) {
        this(new ImageDecoder(config.maxPixels()), Encoders.standard(config.workers()), config.workers(),
                config.queueCapacity(), registry);
    }

    InProcessCompressor(ImageDecoder decoder, Encoders.Handle encoder, int workers, int queueCapacity,
            MeterRegistry registry) {
        this.decoder = decoder;
        this.encoding = encoder.encoding();
        this.encoderResources = encoder.resources();
        this.metrics = new CompressionMetrics(registry);
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
                task -> {
                    Thread thread = new Thread(task, "compress-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        registry.gauge("compressor.queue.depth", pool, p -> p.getQueue().size());
        registry.gauge("compressor.active", pool, ThreadPoolExecutor::getActiveCount);
    }

    @Override
    public Compressed compress(byte[] image, CompressOptions options) throws CompressionException {
        Future<Compressed> result;
        try {
            result = pool.submit(() -> compressNow(image, options));
        } catch (RejectedExecutionException full) {
            metrics.failed(ErrorCode.OVERLOADED);
            throw new CompressionException(ErrorCode.OVERLOADED, "the compressor is busy; try again shortly");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new CompressionException(ErrorCode.INTERNAL, "the compression was interrupted", e);
        } catch (ExecutionException e) {
            CompressionException failure = e.getCause() instanceof CompressionException known ? known
                    : new CompressionException(ErrorCode.COMPRESSION_FAILED, "the image could not be compressed",
                            e.getCause());
            metrics.failed(failure.code());
            throw failure;
        }
    }

    private Compressed compressNow(byte[] image, CompressOptions options) throws CompressionException {
        long start = System.nanoTime();
        RasterImage pixels = decode(image);
        long decoded = System.nanoTime();
        byte[] jpeg;
        try {
            jpeg = encoding.encode(pixels, EncoderOptions.quality(options.quality()));
        } catch (RuntimeException e) {
            LOG.error("encoding a {}x{} {} image failed", pixels.width(), pixels.height(), pixels.channels(), e);
            throw new CompressionException(ErrorCode.COMPRESSION_FAILED, "the image could not be encoded", e);
        }
        long encoded = System.nanoTime();
        Duration decodeTime = Duration.ofNanos(decoded - start);
        Duration encodeTime = Duration.ofNanos(encoded - decoded);
        metrics.succeeded(image.length, jpeg.length, decodeTime, encodeTime);
        return new Compressed(jpeg, pixels.width(), pixels.height(), decodeTime, encodeTime);
    }

    private RasterImage decode(byte[] image) throws CompressionException {
        try {
            return decoder.decode(image);
        } catch (ImageDecodeException e) {
            ErrorCode code = switch (e) {
                case UnsupportedFormatException _ -> ErrorCode.UNSUPPORTED_FORMAT;
                case InvalidImageException _ -> ErrorCode.INVALID_IMAGE;
                case ImageTooLargeException _ -> ErrorCode.IMAGE_TOO_LARGE;
            };
            throw new CompressionException(code, e.getMessage(), e.getCause());
        } catch (OutOfMemoryError e) {
            throw new CompressionException(ErrorCode.OVERLOADED, "not enough memory to decode the image now; try again");
        }
    }

    @Override
    public boolean isReady() {
        return !pool.isShutdown();
    }

    /** Stops taking work, lets queued compressions finish (up to 30 s) and frees the encoder. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            encoderResources.close();
        } catch (Exception e) {
            LOG.warn("closing the encoder failed", e);
        }
    }
}
