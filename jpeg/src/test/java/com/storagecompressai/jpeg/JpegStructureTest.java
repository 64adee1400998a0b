package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Marker layout of T.81 B.2 and JFIF, checked on our own output. */
class JpegStructureTest {

    private final JpegEncoder encoder = new JpegEncoder(1);

    @Test
    void baselineHasJfifOneEightBitDqtSof0AndOneScan() {
        byte[] jpeg = encoder.encode(TestImages.smoothRgb(40, 30, 1), EncoderOptions.quality(80).withProgressive(false));
        List<MarkerScan.Marker> markers = MarkerScan.of(jpeg);
        assertThat(markers.stream().map(MarkerScan.Marker::code).toList())
                .containsExactly(0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xDA, 0xD9);
        byte[] app0 = markers.get(1).payload();
        assertThat(new String(app0, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("JFIF");
        byte[] dqt = markers.get(2).payload();
        assertThat(dqt).hasSize(2 * 65);
        assertThat(dqt[0]).isEqualTo((byte) 0x00);
        assertThat(dqt[65]).isEqualTo((byte) 0x01);
    }

    @Test
    void progressiveUsesSof2AndATableBeforeEveryScanButDcRefinement() {
        byte[] jpeg = encoder.encode(TestImages.smoothRgb(40, 30, 1), EncoderOptions.quality(80).withEffort(Effort.FAST));
        List<Integer> codes = MarkerScan.codes(jpeg);
        assertThat(codes).contains(0xC2).doesNotContain(0xC0);
        assertThat(codes.stream().filter(c -> c == 0xC4).count()).isEqualTo(codes.stream().filter(c -> c == 0xDA).count());
        assertThat(codes.stream().filter(c -> c == 0xDA).count())
                .isEqualTo(ScanScripts.fixedProgressive(FrameLayout.of(40, 30, ColorChannels.RGB, ChromaSubsampling.S420)).size());
    }

    @Test
    void iccProfileIsSplitIntoNumberedApp2ChunksThatReassemble() {
        // given: a profile that needs three chunks
        byte[] profile = new byte[2 * IccProfileSegment.MAX_CHUNK + 1000];
        new SplittableRandom(3).nextBytes(profile);
        // when
        byte[] jpeg = encoder.encode(TestImages.smoothRgb(20, 20, 1), EncoderOptions.quality(80).withIccProfile(profile));
        // then
        var chunks = MarkerScan.of(jpeg).stream().filter(m -> m.code() == 0xE2).toList();
        assertThat(chunks).hasSize(3);
        var joined = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] p = chunks.get(i).payload();
            assertThat(new String(p, 0, 11, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ICC_PROFILE");
            assertThat(p[12]).isEqualTo((byte) (i + 1));
            assertThat(p[13]).isEqualTo((byte) 3);
            joined.write(p, 14, p.length - 14);
        }
        assertThat(joined.toByteArray()).isEqualTo(profile);
        Djpeg.decode(jpeg);
    }

    @Test
    void restartIntervalWritesDriAndCyclingRstMarkers() {
        byte[] jpeg = encoder.encode(TestImages.smoothRgb(160, 16, 1),
                EncoderOptions.quality(80).withProgressive(false).withRestartInterval(1));
        List<Integer> codes = MarkerScan.codes(jpeg);
        assertThat(codes).contains(0xDD);
        // 10 MCUs of 16x16 -> 9 restart markers, RST0..RST7 then RST0
        assertThat(codes.stream().filter(c -> c >= 0xD0 && c <= 0xD7).toList())
                .containsExactly(0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD0);
        Djpeg.decode(jpeg);
    }

    @Test
    void flatImageWithMoreThan32767BlocksSplitsItsEobRunsAndDecodes() {
        // given: 200 x 176 blocks of flat grey, so every AC band is one long EOB run (T.81 G.1.2.2: at most 32767)
        var image = TestImages.flatRgb(1600, 1408, 90, 90, 90);
        for (Effort effort : Effort.values()) {
            // when
            byte[] jpeg = encoder.encode(image, EncoderOptions.quality(75).withEffort(effort));
            // then
            RasterImage decoded = Djpeg.decode(jpeg);
            assertThat(Psnr.of(image, decoded)).isGreaterThan(40);
        }
    }

    @Test
    void rejectsAnIccProfileTooLargeForApp2ChunksBeforeEncoding() {
        byte[] profile = new byte[IccProfileSegment.MAX_PROFILE + 1];
        var options = EncoderOptions.quality(80).withIccProfile(profile);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> encoder.encode(TestImages.flatRgb(8, 8, 1, 2, 3), options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ICC profile");
    }
}
