package com.storagecompressai.engine.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.TestPhotos;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputMetadataTest {

    private static final byte[] JPEG = TestPhotos.jpeg(TestPhotos.photoLike(40, 30));

    @Test
    void anUprightPlainJpegMayBeAnsweredAsIsWithoutItsMetadata() {
        byte[] upload = TestPhotos.withExif(JPEG, 1);

        byte[] asIs = OutputMetadata.of(upload, true).uploadAsIs().orElseThrow();

        assertThat(asIs).isEqualTo(JPEG);
    }

    @Test
    void keepingMetadataPutsTheFilteredExifIntoTheUploadAsIs() {
        byte[] upload = TestPhotos.withExif(JPEG, 1);

        byte[] asIs = OutputMetadata.of(upload, false).uploadAsIs().orElseThrow();

        String exif = new String(JpegSegments.parse(asIs).orElseThrow().exif().orElseThrow(), StandardCharsets.ISO_8859_1);
        assertThat(exif).contains(TestPhotos.COPYRIGHT).doesNotContain("SECRET!!");
        assertThat(asIs.length).isLessThan(upload.length);
    }

    @Test
    void aRotatedUnreadableOrProfiledUploadIsNeverAnsweredAsIs() {
        byte[] brokenExif = TestPhotos.withExif(JPEG, 1).clone();
        int tiffStart = 4 + ((JPEG[4] & 0xFF) << 8 | JPEG[5] & 0xFF) + 4 + 6;
        brokenExif[tiffStart] = 'X'; // byte order mark no longer II/MM

        assertThat(OutputMetadata.of(TestPhotos.withExif(JPEG, 6), true).uploadAsIs()).isEmpty();
        assertThat(OutputMetadata.of(brokenExif, true).uploadAsIs()).isEmpty();
        assertThat(OutputMetadata.of(withIccSegment(JPEG), true).uploadAsIs()).isEmpty();
        assertThat(OutputMetadata.of(TestPhotos.png(TestPhotos.photoLike(8, 8)), true).uploadAsIs()).isEmpty();
    }

    @Test
    void strippingLeavesOurEncodeAsItIs() {
        assertThat(OutputMetadata.of(TestPhotos.withExif(JPEG, 1), true).applyTo(JPEG)).isSameAs(JPEG);
    }

    private static byte[] withIccSegment(byte[] jpeg) {
        byte[] payload = "ICC_PROFILE\0\1\1fake-profile".getBytes(StandardCharsets.ISO_8859_1);
        int app0End = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, app0End);
        out.write(0xFF);
        out.write(0xE2);
        out.write((payload.length + 2) >>> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
        out.write(jpeg, app0End, jpeg.length - app0End);
        return out.toByteArray();
    }
}
