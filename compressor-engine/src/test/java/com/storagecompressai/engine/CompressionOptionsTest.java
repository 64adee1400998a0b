package com.storagecompressai.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.engine.metadata.JpegSegments;
import com.storagecompressai.imaging.ImageDecoder;
import com.storagecompressai.imaging.Ssim;
import com.storagecompressai.jpeg.EncoderOptions;
import com.storagecompressai.jpeg.RasterImage;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resize, quality-search and output options, end to end through the in-process compressor. */
class CompressionOptionsTest {

    private static final ImageDecoder DECODER = new ImageDecoder(50_000_000);
    private static Encoders.Handle encoder;
    private static InProcessCompressor compressor;
    private static byte[] photo;

    @BeforeAll
    static void start() {
        encoder = Encoders.standard(1);
        compressor = new InProcessCompressor(DECODER, Encoders.standard(1), 1, 4, new SimpleMeterRegistry());
        photo = TestPhotos.png(TestPhotos.photoLike(256, 192));
    }

    @AfterAll
    static void stop() throws Exception {
        compressor.close();
        encoder.close();
    }

    @Test
    void targetPicksTheLowestQualityThatReachesTheScore() throws Exception {
        // given
        double target = 0.97;

        // when
        Compressed result = compressor.compress(photo, CompressOptions.defaults().withTarget(target, null));

        // then: the pick reaches it, one quality lower does not
        RasterImage source = DECODER.decode(photo);
        int quality = result.quality();
        assertThat(quality).isBetween(2, 99);
        assertThat(result.score()).isGreaterThanOrEqualTo(target);
        assertThat(Ssim.between(source, DECODER.decode(result.jpeg()))).isEqualTo(result.score());
        assertThat(scoreAt(source, quality - 1)).isLessThan(target);
        assertThat(result.source()).isEqualTo(Compressed.Source.ENCODED);
    }

    @Test
    void aHigherTargetNeedsAHigherQualityAndMoreBytes() throws Exception {
        Compressed lower = compressor.compress(photo, CompressOptions.defaults().withTarget(0.9, null));
        Compressed higher = compressor.compress(photo, CompressOptions.defaults().withTarget(0.99, null));

        assertThat(higher.quality()).isGreaterThan(lower.quality());
        assertThat(higher.jpeg().length).isGreaterThan(lower.jpeg().length);
    }

    @Test
    void maxBytesPicksTheHighestQualityUnderTheSize() throws Exception {
        // given
        long maxBytes = 12_000;

        // when
        Compressed result = compressor.compress(photo, CompressOptions.defaults().withTarget(null, maxBytes));

        // then
        assertThat(result.jpeg().length).isLessThanOrEqualTo((int) maxBytes);
        RasterImage source = DECODER.decode(photo);
        assertThat(encode(source, result.quality() + 1).length).isGreaterThan((int) maxBytes);
        assertThat(result.score()).isBetween(0.0, 1.0);
    }

    @Test
    void bothMeetTheTargetThenCapBySize() throws Exception {
        Compressed targetOnly = compressor.compress(photo, CompressOptions.defaults().withTarget(0.99, null));
        long cap = targetOnly.jpeg().length - 2_000L;

        Compressed capped = compressor.compress(photo, CompressOptions.defaults().withTarget(0.99, cap));

        assertThat(capped.jpeg().length).isLessThanOrEqualTo((int) cap);
        assertThat(capped.quality()).isLessThan(targetOnly.quality());
    }

    @Test
    void maxBytesBelowQualityOneOnNoiseIsUnreachable() {
        byte[] noise = TestPhotos.png(TestPhotos.noise(512, 512));

        assertThatThrownBy(() -> compressor.compress(noise, CompressOptions.defaults().withTarget(null, 100L)))
                .isInstanceOfSatisfying(CompressionException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TARGET_UNREACHABLE));
    }

    @Test
    void resizesBeforeEncoding() throws Exception {
        Compressed result = compressor.compress(photo,
                CompressOptions.defaults().withSize(100, 100, CompressOptions.Fit.COVER, false));

        assertThat(result.width()).isEqualTo(100);
        assertThat(result.height()).isEqualTo(100);
        assertThat(ImageIO.read(new ByteArrayInputStream(result.jpeg())).getWidth()).isEqualTo(100);
    }

    @Test
    void refusesAnEnlargementBeyondThePixelLimit() {
        try (InProcessCompressor small = new InProcessCompressor(new ImageDecoder(100_000), Encoders.standard(1), 1, 1,
                new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> small.compress(photo,
                    CompressOptions.defaults().withSize(4_000, null, CompressOptions.Fit.INSIDE, true)))
                    .isInstanceOfSatisfying(CompressionException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }
    }

    @Test
    void baselineAnd444AreHonoured() throws Exception {
        Compressed result = compressor.compress(photo, CompressOptions.defaults()
                .withOutput(false, CompressOptions.Subsampling.S444, true));

        assertThat(containsMarker(result.jpeg(), 0xC2)).isFalse();
        assertThat(containsMarker(result.jpeg(), 0xC0) || containsMarker(result.jpeg(), 0xC1)).isTrue();
    }

    @Test
    void stripRemovesAllMetadataByDefault() throws Exception {
        byte[] upload = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.photoLike(128, 96)), 1);

        Compressed result = compressor.compress(upload, new CompressOptions(50));

        assertThat(JpegSegments.parse(result.jpeg()).orElseThrow().exif()).isEmpty();
    }

    @Test
    void keepingMetadataKeepsCopyrightButNotGpsNorOrientation() throws Exception {
        // given an upload rotated by EXIF (6) with GPS
        byte[] upload = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.photoLike(128, 96)), 6);

        // when
        Compressed result = compressor.compress(upload,
                new CompressOptions(50).withOutput(true, CompressOptions.Subsampling.S420, false));

        // then
        byte[] tiff = JpegSegments.parse(result.jpeg()).orElseThrow().exif().orElseThrow();
        Directory ifd0 = readTiff(tiff);
        assertThat(ifd0.getEntryById(TIFF.TAG_COPYRIGHT).getValueAsString()).isEqualTo(TestPhotos.COPYRIGHT);
        assertThat(ifd0.getEntryById(TIFF.TAG_GPS_IFD)).isNull();
        assertThat(ifd0.getEntryById(TIFF.TAG_ORIENTATION)).isNull();
        assertThat(result.width()).isEqualTo(96); // rotated upright by the decoder
        assertThat(ImageIO.read(new ByteArrayInputStream(result.jpeg())).getWidth()).isEqualTo(96);
    }

    @Test
    void keepingMetadataAlsoKeepsTheExifOfAPng() throws Exception {
        byte[] upload = TestPhotos.pngWithExif(TestPhotos.png(TestPhotos.photoLike(64, 48)), 1);

        Compressed result = compressor.compress(upload,
                new CompressOptions(60).withOutput(true, CompressOptions.Subsampling.S420, false));

        Directory ifd0 = readTiff(JpegSegments.parse(result.jpeg()).orElseThrow().exif().orElseThrow());
        assertThat(ifd0.getEntryById(TIFF.TAG_COPYRIGHT).getValueAsString()).isEqualTo(TestPhotos.COPYRIGHT);
        assertThat(ifd0.getEntryById(TIFF.TAG_GPS_IFD)).isNull();
    }

    @Test
    void neverAnswersLargerThanAJpegUpload() throws Exception {
        // given a small JPEG upload and a request for top quality
        byte[] upload = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.photoLike(128, 96)), 1);

        // when
        Compressed result = compressor.compress(upload, new CompressOptions(100));

        // then: the upload itself, without its metadata
        assertThat(result.source()).isEqualTo(Compressed.Source.ORIGINAL);
        assertThat(result.servedOriginal()).isTrue();
        assertThat(result.jpeg().length).isLessThan(upload.length);
        assertThat(JpegSegments.parse(result.jpeg()).orElseThrow().exif()).isEmpty();
        assertThat(ImageIO.read(new ByteArrayInputStream(result.jpeg())).getRGB(5, 5))
                .isEqualTo(ImageIO.read(new ByteArrayInputStream(upload)).getRGB(5, 5));
    }

    @Test
    void aRotatedUploadIsReencodedNoLargerThanItself() throws Exception {
        // given a JPEG that must be rotated, so it can't be served as it is, and a request for top quality
        byte[] upload = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.photoLike(128, 96)), 6);

        // when
        Compressed result = compressor.compress(upload, new CompressOptions(100));

        // then: upright pixels, re-encoded at the best quality that fits in the upload's size
        assertThat(result.source()).isEqualTo(Compressed.Source.ENCODED);
        assertThat(result.width()).isEqualTo(96);
        assertThat(result.jpeg().length).isLessThanOrEqualTo(upload.length);
        assertThat(result.quality()).isLessThan(100);
    }

    @Test
    void aSmallerReencodeIsServed() throws Exception {
        byte[] upload = TestPhotos.jpeg(TestPhotos.photoLike(128, 96));

        Compressed result = compressor.compress(upload, new CompressOptions(30));

        assertThat(result.source()).isEqualTo(Compressed.Source.ENCODED);
        assertThat(result.jpeg().length).isLessThan(upload.length);
        assertThat(result.quality()).isEqualTo(30);
        assertThat(result.score()).isNull();
    }

    private static double scoreAt(RasterImage source, int quality) throws Exception {
        return Ssim.between(source, DECODER.decode(encode(source, quality)));
    }

    private static byte[] encode(RasterImage source, int quality) {
        return encoder.encoding().encode(source, EncoderOptions.quality(quality));
    }

    private static boolean containsMarker(byte[] jpeg, int marker) {
        return JpegSegmentsProbe.hasFrame(jpeg, marker);
    }

    private static Directory readTiff(byte[] tiff) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff))) {
            return new TIFFReader().read(input);
        }
    }

    /** Walks the headers before the first scan looking for one frame marker. */
    private static final class JpegSegmentsProbe {
        static boolean hasFrame(byte[] jpeg, int marker) {
            int at = 2;
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int found = jpeg[at + 1] & 0xFF;
                if (found == marker) {
                    return true;
                }
                if (found == 0xDA) {
                    return false;
                }
                at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
            }
            return false;
        }
    }
}
