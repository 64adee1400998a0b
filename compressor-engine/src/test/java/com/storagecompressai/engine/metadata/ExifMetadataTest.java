package com.storagecompressai.engine.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.TestPhotos;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class ExifMetadataTest {

    @Test
    void filteredExifKeepsCopyrightAndDateButDropsGpsMakerNoteAndOrientation() throws IOException {
        // given
        ExifTiff exif = ExifTiff.parse(TestPhotos.exif(6)).orElseThrow();

        // when
        byte[] filtered = exif.filtered().orElseThrow();

        // then: read back by an independent reader
        Directory ifd0 = read(filtered);
        assertThat(exif.orientation()).isEqualTo(6);
        assertThat(ifd0.getEntryById(TIFF.TAG_COPYRIGHT).getValueAsString()).isEqualTo(TestPhotos.COPYRIGHT);
        assertThat(ifd0.getEntryById(0x010F).getValueAsString()).isEqualTo("Cam");
        assertThat(ifd0.getEntryById(TIFF.TAG_GPS_IFD)).isNull();
        assertThat(ifd0.getEntryById(TIFF.TAG_ORIENTATION)).isNull();
        Directory exifIfd = (Directory) ifd0.getEntryById(TIFF.TAG_EXIF_IFD).getValue();
        assertThat(exifIfd.getEntryById(0x9003).getValueAsString()).isEqualTo("2026:11:25 10:00:00");
        assertThat(exifIfd.getEntryById(0x927C)).isNull();
    }

    @Test
    void brokenExifIsDroppedWhole() {
        byte[] tiff = TestPhotos.exif(1);
        byte[] truncated = Arrays.copyOf(tiff, 40);
        truncated[4] = 0x7F; // IFD0 offset far past the end

        assertThat(ExifTiff.parse(truncated).flatMap(ExifTiff::filtered)).isEmpty();
        assertThat(ExifTiff.parse(new byte[] {'X', 'X', 0, 42, 0, 0, 0, 8})).isEmpty();
    }

    @Test
    void segmentGoesRightAfterApp0AndIsFoundAgain() {
        // given a JFIF file from the JDK writer
        byte[] jpeg = TestPhotos.jpeg(TestPhotos.photoLike(32, 32));
        int app0End = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);

        // when
        byte[] withExif = ExifSegment.insert(jpeg, TestPhotos.exif(1));

        // then
        assertThat(jpeg[3] & 0xFF).isEqualTo(0xE0);
        assertThat(withExif[app0End] & 0xFF).isEqualTo(0xFF);
        assertThat(withExif[app0End + 1] & 0xFF).isEqualTo(0xE1);
        assertThat(JpegSegments.parse(withExif).orElseThrow().exif()).contains(TestPhotos.exif(1));
        assertThat(withExif.length).isEqualTo(jpeg.length + 4 + 6 + TestPhotos.exif(1).length);
    }

    @Test
    void withoutMetadataDropsApp1AndKeepsAFileThatDecodesTheSame() throws IOException {
        // given
        byte[] jpeg = TestPhotos.jpeg(TestPhotos.photoLike(48, 32));
        byte[] withExif = TestPhotos.withExif(jpeg, 1);

        // when
        JpegSegments segments = JpegSegments.parse(withExif).orElseThrow();
        byte[] stripped = segments.withoutMetadata(null);

        // then
        assertThat(JpegSegments.parse(stripped).orElseThrow().exif()).isEmpty();
        assertThat(segments.needsColourConversion()).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getRGB(10, 10))
                .isEqualTo(ImageIO.read(new ByteArrayInputStream(jpeg)).getRGB(10, 10));
    }

    @Test
    void notAJpegHasNoSegments() {
        assertThat(JpegSegments.parse(TestPhotos.png(TestPhotos.photoLike(8, 8)))).isEmpty();
        assertThat(JpegSegments.parse(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x7F, 0})).isEmpty();
    }

    private static Directory read(byte[] tiff) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff))) {
            return new TIFFReader().read(input);
        }
    }
}
