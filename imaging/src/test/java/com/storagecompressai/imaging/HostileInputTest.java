package com.storagecompressai.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.jpeg.RasterImage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder against hostile input: every bad file ends in one of the three documented exceptions, big
 * claims are refused before pixels are allocated (measured with the thread's allocation counter), and valid
 * real-world quirks still decode.
 */
class HostileInputTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final ImageDecoder decoder = new ImageDecoder(100_000_000L);

    @Test
    void decodesCameraLikeJpegWithExifAndTrailingBytes() throws Exception {
        // given
        byte[] photo = BrokenImages.cameraLikeJpeg();

        // when
        RasterImage image = decoder.decode(photo);

        // then
        assertThat(image.width()).isEqualTo(1024);
        assertThat(image.height()).isEqualTo(768);
    }

    @Test
    void decodesJpegWhoseOnlyDefectIsAMissingEoi() throws Exception {
        // given: every scan byte present, as many real files are
        byte[] jpeg = BrokenImages.jpegMissingEoiOnly(BrokenImages.cameraLikeJpeg());

        // when
        RasterImage image = decoder.decode(jpeg);

        // then
        assertThat(image.width()).isEqualTo(1024);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.999, 0.9, 0.5, 0.1})
    void refusesTruncatedJpegInsteadOfFillingItWithGrey(double kept) throws Exception {
        // given
        byte[] truncated = BrokenImages.jpegTruncatedAt(BrokenImages.cameraLikeJpeg(), kept);

        // when / then
        assertThatThrownBy(() -> decoder.decode(truncated)).isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("JPEG");
    }

    @Test
    void refusesTruncatedProgressiveJpeg() throws Exception {
        // given: cut inside a scan (a cut exactly between two scans is a valid, coarser picture)
        byte[] truncated = BrokenImages.jpegTruncatedAt(BrokenImages.progressiveJpeg(), 0.6);

        // when / then
        assertThatThrownBy(() -> decoder.decode(truncated)).isInstanceOf(InvalidImageException.class);
    }

    @Test
    void refusesJpegWithCorruptEntropyCodedData() throws Exception {
        // given
        byte[] corrupt = BrokenImages.jpegWithCorruptEntropyData(BrokenImages.cameraLikeJpeg());

        // when / then
        assertThatThrownBy(() -> decoder.decode(corrupt)).isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void refusesPngHeaderClaiming100000SquaredWithoutAllocatingIt() {
        // given: 10^10 pixels claimed by a 57-byte file
        byte[] bomb = TestImages.pngHeaderOnly(100_000, 100_000);

        // when
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOf(ImageTooLargeException.class));

        // then: far below the 30 GB a decode would need
        assertThat(allocated).isLessThan(16L << 20);
    }

    @Test
    void refusesJpegHeaderClaimingTheLargestFrameWithoutAllocatingIt() throws Exception {
        // given: 65535x65535 (the most a JPEG SOF can say) over a 64x32 scan
        byte[] bomb = BrokenImages.jpegClaiming(BrokenImages.validJpeg(), 65_535, 65_535);

        // when
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("65535x65535"));

        // then
        assertThat(allocated).isLessThan(16L << 20);
    }

    @Test
    void refusesSmallPngThatDecodesPastMaxPixels() {
        // given: a few kilobytes that would be 16 MB of pixels, against a 1-megapixel limit
        byte[] flat = BrokenImages.pngFlatSquare(4_000);
        ImageDecoder limited = new ImageDecoder(1_000_000);
        assertThat(flat.length).isLessThan(100_000);

        // when
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> limited.decode(flat))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("4000x4000"));

        // then
        assertThat(allocated).isLessThan(8L << 20);
    }

    @Test
    void decodesJpegCarryingMegabytesOfAppSegmentsWithinBoundedMemory() throws Exception {
        // given: ~10 MB of APP1/APP12 segments in front of a 64x32 picture
        byte[] jpeg = BrokenImages.jpegWithManyAppSegments(BrokenImages.validJpeg(), 150);

        // when
        RasterImage[] image = new RasterImage[1];
        long allocated = allocatedWhile(() -> image[0] = decodeUnchecked(jpeg));

        // then: a small multiple of the input, never a blow-up
        assertThat(image[0].width()).isEqualTo(64);
        assertThat(allocated).isLessThan(4L * jpeg.length + (16L << 20));
    }

    @Test
    void decodesJpegCarryingMegabytesOfLyingExifUprightWithinBoundedMemory() throws Exception {
        // given: ~8 MB of APP1 Exif segments whose IFDs loop and claim far more entries and values than they hold
        byte[] jpeg = BrokenImages.jpegWithLyingExif(BrokenImages.validJpeg(), 128);

        // when
        RasterImage[] image = new RasterImage[1];
        long allocated = allocatedWhile(() -> image[0] = decodeUnchecked(jpeg));

        // then: the unreadable orientation counts as upright, and memory stays a small multiple of the input
        assertThat(image[0].width()).isEqualTo(64);
        assertThat(image[0].height()).isEqualTo(32);
        assertThat(allocated).isLessThan(4L * jpeg.length + (16L << 20));
    }

    @Test
    void decodesJpegWithHugeGarbageIccProfileAsSrgbOrRefusesIt() throws Exception {
        // given: 200 chunks (13 MB) of random bytes posing as an ICC profile
        byte[] jpeg = BrokenImages.jpegWithHugeGarbageIccProfile(BrokenImages.validJpeg(), 200);

        // when
        long allocated = allocatedWhile(() -> {
            try {
                assertThat(decoder.decode(jpeg).width()).isEqualTo(64);
            } catch (ImageDecodeException refused) {
                assertThat(refused).isInstanceOf(InvalidImageException.class);
            }
        });

        // then
        assertThat(allocated).isLessThan(4L * jpeg.length + (16L << 20));
    }

    @Test
    void decodesJpegWhoseIccProfileClaimsTwoGigabytesAsSrgb() throws Exception {
        // given: a 2 KB file; TwelveMonkeys would size the profile buffer from the claim
        byte[] jpeg = BrokenImages.jpegWithIccProfileClaimingTwoGigabytes(BrokenImages.validJpeg());

        // when
        RasterImage[] image = new RasterImage[1];
        long allocated = allocatedWhile(() -> image[0] = decodeUnchecked(jpeg));

        // then
        assertThat(TestImages.rgbAt(image[0], 5, 5)).satisfies(rgb -> TestImages.assertClose(rgb, TestImages.RED, 8));
        assertThat(allocated).isLessThan(16L << 20);
    }

    @Test
    void decodesOnlyTheFirstOfAThousandGifFrames() throws Exception {
        // given
        byte[] gif = BrokenImages.gifWithFrames(1_000);

        // when
        RasterImage[] image = new RasterImage[1];
        long allocated = allocatedWhile(() -> image[0] = decodeUnchecked(gif));

        // then: the other 999 frames are never decoded (1000 frames would allocate well over 4 MB)
        assertThat(image[0].width()).isEqualTo(32);
        assertThat(TestImages.rgbAt(image[0], 0, 0)).isEqualTo(TestImages.RED);
        assertThat(allocated).isLessThan(4L << 20);
    }

    @Test
    void givesUpOnAReaderStuckPastTheEndOfTheData() throws Exception {
        // given: found by fuzzing; TwelveMonkeys' VP8L decoder read Huffman tables from past EOF for 10 s
        byte[] webp;
        try (var in = getClass().getResourceAsStream(
                "ImageDecoderFuzzTestInputs/decodeGivesAnImageOrADocumentedRefusal/webp-lossless-huffman-tables-read-past-end.webp")) {
            webp = in.readAllBytes();
        }

        // when / then
        assertThatThrownBy(() -> decoder.decode(webp)).isInstanceOf(InvalidImageException.class)
                .hasRootCauseMessage("the image data ends early: the reader went on "
                        + EndAwareImageInputStream.MAX_READS_PAST_END + " times past its end");
    }

    @Test
    void refusesZeroBytesAsUnsupported() {
        assertThatThrownBy(() -> decoder.decode(new byte[0])).isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
            "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
            "%PDF-1.7\n%âãÏÓ\n",
            "BM this is text that starts like a bitmap"})
    void refusesNonImagesAsUnsupported(String content) {
        assertThatThrownBy(() -> decoder.decode(content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedFormatException.class);
    }

    @Test
    void refusesZipRenamedToPngAsUnsupported() {
        assertThatThrownBy(() -> decoder.decode(BrokenImages.zipRenamedToPng()))
                .isInstanceOf(UnsupportedFormatException.class);
    }

    private RasterImage decodeUnchecked(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (ImageDecodeException e) {
            throw new AssertionError("expected a decode, got " + e, e);
        }
    }

    private static long allocatedWhile(Runnable action) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        action.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
