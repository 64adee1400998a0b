package com.storagecompressai.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.storagecompressai.jpeg.RasterImage;

/**
 * Coverage-guided fuzzing of the whole decode path (sniffing, container scans, ImageIO plugins, colour
 * conversion). The contract: any bytes give either a valid image or one of the three documented
 * {@link ImageDecodeException}s; anything else (a RuntimeException, an OutOfMemoryError, a StackOverflowError)
 * is a finding.
 *
 * <p>A plain {@code ./mvnw verify} runs the {@code @FuzzTest} twice: first in regression mode, only the checked-in
 * inputs under {@code src/test/resources/com/storagecompressai/imaging/ImageDecoderFuzzTestInputs/decodeGivesAnImageOrADocumentedRefusal/}
 * (tiny valid files of every format, a small distilled corpus, and what fuzzing sessions found), in seconds; then,
 * in the pom's {@code bounded-fuzz} profile, as a 20 s coverage-guided fuzzing run seeded with them (a finding fails
 * the build and is written into that folder). The profile is off when {@code -Dtest} is given.
 *
 * <p>To fuzz for real, use Jazzer's standalone driver on {@link #fuzzerTestOneInput}: it instruments the ImageIO
 * plugins too ({@code com.twelvemonkeys}), where most of the parsing happens, whereas the JUnit fuzzing mode
 * ({@code JAZZER_FUZZ=1 ./mvnw test -Dtest=ImageDecoderFuzzTest}) only instruments our own packages. The JDK's
 * PNG, GIF and BMP readers are never instrumented, so coverage guidance there is weak. From the repository root,
 * on one core:
 * <pre>
 * ./mvnw -q -o -pl imaging test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * INPUTS=imaging/src/test/resources/com/storagecompressai/imaging/ImageDecoderFuzzTestInputs/decodeGivesAnImageOrADocumentedRefusal
 * mkdir -p /tmp/corpus /tmp/findings
 * $JAVA25/bin/java -Xmx512m -cp imaging/target/test-classes:imaging/target/classes:$(cat /tmp/cp.txt) \
 *     com.code_intelligence.jazzer.Jazzer --target_class=com.storagecompressai.imaging.ImageDecoderFuzzTest \
 *     --instrumentation_includes='com.storagecompressai.**:com.twelvemonkeys.**' \
 *     -max_total_time=1800 -rss_limit_mb=2000 -artifact_prefix=/tmp/findings/ /tmp/corpus $INPUTS
 * </pre>
 * It stops at the first crash or OutOfMemoryError; inputs slower than 10 s are written to {@code /tmp/findings}
 * as {@code slow-unit-*} without stopping ({@code -timeout=5} makes them findings that stop it).
 * Copy each file in {@code /tmp/findings} into the inputs folder (named after its defect), fix the decoder, and
 * keep the folder small: a handful of {@code /tmp/corpus} entries that reach new formats are worth adding too.
 */
class ImageDecoderFuzzTest {

    /** Small, so that fuzzing explores headers rather than spending its time decoding big pictures. */
    private static final long MAX_PIXELS = 250_000;

    private static final ImageDecoder DECODER = new ImageDecoder(MAX_PIXELS);

    @FuzzTest(maxDuration = "60s")
    void decodeGivesAnImageOrADocumentedRefusal(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's standalone driver; any throwable escaping it is a finding. */
    public static void fuzzerTestOneInput(byte[] input) {
        RasterImage image;
        try {
            image = DECODER.decode(input);
        } catch (ImageDecodeException documented) {
            assertThat(documented.getMessage()).isNotBlank();
            return;
        }
        assertThat(image.width()).isPositive();
        assertThat(image.height()).isPositive();
        assertThat((long) image.width() * image.height()).isLessThanOrEqualTo(MAX_PIXELS);
        assertThat(image.samples()).hasSize(image.width() * image.height() * image.channels().bytesPerPixel());
    }
}
