package com.storagecompressai.jpeg.bench;

import com.storagecompressai.jpeg.EncoderOptions;
import com.storagecompressai.jpeg.Effort;
import com.storagecompressai.jpeg.HotLoops;
import com.storagecompressai.jpeg.JpegEncoder;
import com.storagecompressai.jpeg.RasterImage;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hot loops of the encoder and whole encodes. Run from the repository root with a JDK 25 {@code java}
 * (here /usr/lib/jvm/temurin-25-jdk-amd64/bin/java), with no other heavy build at the same time:
 * <pre>
 *   ./mvnw -q -o -pl jpeg test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/jpeg-cp.txt -Dmdep.includeScope=test
 *   java -cp jpeg/target/test-classes:jpeg/target/classes:$(cat /tmp/jpeg-cp.txt) org.openjdk.jmh.Main EncoderBenchmark
 *   java -cp ... org.openjdk.jmh.Main 'EncoderBenchmark.(dct|color)' -p threads=1 -f 1 -wi 3 -i 5   # a quick subset
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class EncoderBenchmark {

    private static final int BLOCKS = 1024;
    private static final int ROW = 4096;

    @Param({"1", "2"})
    public int threads;

    private float[] blocks;
    private float[] source;
    private byte[] rgb;
    private float[] y;
    private float[] cb;
    private float[] cr;
    private Object coefficients;
    private RasterImage photo;
    private JpegEncoder encoder;

    @Setup(Level.Trial)
    public void setUp() {
        var rnd = new SplittableRandom(1);
        source = new float[BLOCKS * 64];
        for (int i = 0; i < source.length; i++) {
            source[i] = rnd.nextInt(256) - 128;
        }
        blocks = source.clone();
        rgb = new byte[ROW * 3];
        rnd.nextBytes(rgb);
        y = new float[ROW];
        cb = new float[ROW];
        cr = new float[ROW];
        coefficients = HotLoops.coefficients(1024, 768, 80);
        photo = HotLoops.photoLike(2048, 1536);
        encoder = new JpegEncoder(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        encoder.close();
    }

    /** Float AAN forward DCT of 1024 blocks (64k samples). */
    @Benchmark
    public float dct() {
        System.arraycopy(source, 0, blocks, 0, source.length);
        HotLoops.forwardDct(blocks, BLOCKS);
        return blocks[1];
    }

    /** RGB to level-shifted YCbCr for 4096 pixels. */
    @Benchmark
    public float color() {
        HotLoops.colorConvert(rgb, ROW, y, cb, cr);
        return y[7] + cb[9] + cr[11];
    }

    /** Baseline entropy coding of a 0.8 MP frame (statistics + optimal tables + bits). */
    @Benchmark
    public int entropySequential() {
        return HotLoops.encodeSequential(coefficients);
    }

    /** Progressive entropy coding (fixed script) of a 0.8 MP frame on one thread. */
    @Benchmark
    public int entropyProgressive() {
        return HotLoops.encodeProgressive(coefficients);
    }

    /** Scan search on a 0.8 MP frame. */
    @Benchmark
    public int scanSearch() {
        return HotLoops.scanSearch(coefficients);
    }

    /** Whole 3.1 MP encode, FAST effort, on {@code threads} threads. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int encodeFast() {
        return encoder.encode(photo, EncoderOptions.quality(80).withEffort(Effort.FAST)).length;
    }

    /** Whole 3.1 MP encode, DEFAULT effort (trellis, search), on {@code threads} threads. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int encodeDefault() {
        return encoder.encode(photo, EncoderOptions.quality(80)).length;
    }
}
