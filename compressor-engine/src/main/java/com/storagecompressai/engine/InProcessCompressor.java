package com.storagecompressai.engine;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.engine.config.EngineConfig;
import com.storagecompressai.engine.metadata.OutputMetadata;
import com.storagecompressai.imaging.ImageDecodeException;
import com.storagecompressai.imaging.ImageDecoder;
import com.storagecompressai.imaging.ImageFormat;
import com.storagecompressai.imaging.ImageTooLargeException;
import com.storagecompressai.imaging.InvalidImageException;
import com.storagecompressai.imaging.Ssim;
import com.storagecompressai.imaging.UnsupportedFormatException;
import com.storagecompressai.imaging.resize.Fit;
import com.storagecompressai.imaging.resize.ResizeGeometry;
import com.storagecompressai.imaging.resize.ResizeRequest;
import com.storagecompressai.imaging.resize.Resizer;
import com.storagecompressai.jpeg.ChromaSubsampling;
import com.storagecompressai.jpeg.EncoderOptions;
import com.storagecompressai.jpeg.RasterImage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
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
 * Decodes with imaging, resizes (imaging's Lanczos-3 in linear light), encodes with our JPEG encoder at the
 * asked quality or at the one a target SSIM / size cap search picks, and handles metadata (strip, or keep EXIF
 * without GPS). A JPEG upload that a re-encode would make larger is answered with itself when its pixels are
 * upright sRGB, else with a re-encode searched to fit in the upload's size. All of it runs on a bounded pool of platform threads (CPU work):
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
        RasterImage decoded = decode(image);
        ResizeGeometry geometry = geometryOf(decoded, options);
        RasterImage pixels = Resizer.apply(decoded, geometry);
        long ready = System.nanoTime();

        QualitySearch.Pick pick = encode(pixels, options);
        int quality = pick.quality();
        Double score = options.searchesQuality() ? pick.score() : null;
        byte[] jpeg = pick.jpeg();

        OutputMetadata metadata = OutputMetadata.of(image, options.strip());
        jpeg = metadata.applyTo(jpeg);
        Compressed.Source source = Compressed.Source.ENCODED;
        if (jpeg.length > image.length && !geometry.changes(decoded.width(), decoded.height())) {
            Optional<byte[]> original = metadata.uploadAsIs().filter(bytes -> bytes.length <= image.length);
            if (original.isPresent()) {
                jpeg = original.get();
                source = Compressed.Source.ORIGINAL;
                score = score == null ? null : 1.0; // the source pixels are this file, decoded
            } else if (ImageFormat.sniff(image).orElse(null) == ImageFormat.JPEG) {
                // Rotated, ICC or CMYK uploads can't be served as they are: re-encode no larger than the upload.
                int metadataBytes = jpeg.length - pick.jpeg().length;
                Optional<QualitySearch.Pick> capped = underSize(pixels, options, image.length - metadataBytes);
                if (capped.isPresent()) {
                    pick = capped.get();
                    quality = pick.quality();
                    score = options.searchesQuality() ? pick.score() : null;
                    jpeg = metadata.applyTo(pick.jpeg());
                }
            }
        }
        long encoded = System.nanoTime();
        Duration decodeTime = Duration.ofNanos(ready - start);
        Duration encodeTime = Duration.ofNanos(encoded - ready);
        metrics.succeeded(image.length, jpeg.length, decodeTime, encodeTime);
        return new Compressed(jpeg, pixels.width(), pixels.height(), decodeTime, encodeTime, quality, score, source);
    }

    /** At the asked quality, or at the one the search picks (then with its measured score; NaN otherwise). */
    private QualitySearch.Pick encode(RasterImage pixels, CompressOptions options) throws CompressionException {
        EncoderOptions encoderOptions = EncoderOptions.quality(options.quality())
                .withProgressive(options.progressive())
                .withSubsampling(options.subsampling() == CompressOptions.Subsampling.S444
                        ? ChromaSubsampling.S444 : ChromaSubsampling.S420);
        if (!options.searchesQuality()) {
            return new QualitySearch.Pick(options.quality(), encodeOrFail(pixels, encoderOptions), Double.NaN);
        }
        return new QualitySearch(new QualitySearch.Trials() {
            @Override
            public byte[] encode(int quality) throws CompressionException {
                return encodeOrFail(pixels, encoderOptions.withQuality(quality));
            }

            @Override
            public double score(byte[] jpeg) throws CompressionException {
                return measure(pixels, jpeg);
            }
        }).pick(options.target(), options.maxBytes());
    }

    /** The best quality whose file fits in {@code maxBytes}, or empty when even quality 1 does not. */
    private Optional<QualitySearch.Pick> underSize(RasterImage pixels, CompressOptions options, long maxBytes)
            throws CompressionException {
        if (maxBytes < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(encode(pixels, options.withTarget(null, maxBytes)));
        } catch (CompressionException e) {
            if (e.code() == ErrorCode.TARGET_UNREACHABLE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private ResizeGeometry geometryOf(RasterImage image, CompressOptions options) throws CompressionException {
        Fit fit = switch (options.fit()) {
            case INSIDE -> Fit.INSIDE;
            case COVER -> Fit.COVER;
            case CONTAIN -> Fit.CONTAIN;
            case FILL -> Fit.FILL;
        };
        ResizeGeometry geometry = ResizeGeometry.of(image.width(), image.height(),
                new ResizeRequest(options.width(), options.height(), fit, options.enlarge()));
        long scaled = (long) geometry.scaledWidth() * geometry.scaledHeight();
        long canvas = (long) geometry.canvasWidth() * geometry.canvasHeight();
        if (Math.max(scaled, canvas) > decoder.maxPixels()) {
            throw new CompressionException(ErrorCode.INVALID_REQUEST, "the requested size " + geometry.canvasWidth()
                    + "x" + geometry.canvasHeight() + " is larger than this service makes");
        }
        return geometry;
    }

    private byte[] encodeOrFail(RasterImage pixels, EncoderOptions encoderOptions) throws CompressionException {
        try {
            return encoding.encode(pixels, encoderOptions);
        } catch (RuntimeException e) {
            LOG.error("encoding a {}x{} {} image failed", pixels.width(), pixels.height(), pixels.channels(), e);
            throw new CompressionException(ErrorCode.COMPRESSION_FAILED, "the image could not be encoded", e);
        }
    }

    /** SSIM of our JPEG, decoded again, against the pixels it was made from. */
    private double measure(RasterImage source, byte[] jpeg) throws CompressionException {
        try {
            return Ssim.between(source, decoder.decode(jpeg));
        } catch (ImageDecodeException | IllegalArgumentException e) {
            LOG.error("our own {}x{} JPEG did not decode for measuring", source.width(), source.height(), e);
            throw new CompressionException(ErrorCode.COMPRESSION_FAILED, "the result could not be measured", e);
        }
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
