package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mode, subsampling and awkward size decodes cleanly with djpeg, at a PSNR that rises with quality. */
class DjpegConformanceTest {

    record Case(String name, RasterImage image, EncoderOptions options) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        var cases = new ArrayList<Case>();
        int[][] sizes = {{1, 1}, {1, 17}, {17, 1}, {7, 9}, {16, 16}, {33, 31}, {61, 45}, {129, 67}};
        for (boolean progressive : new boolean[] {false, true}) {
            for (ChromaSubsampling sub : ChromaSubsampling.values()) {
                for (int[] s : sizes) {
                    var options = EncoderOptions.quality(85).withProgressive(progressive).withSubsampling(sub);
                    cases.add(new Case((progressive ? "progressive " : "baseline ") + sub + " smooth " + s[0] + "x" + s[1],
                            TestImages.smoothRgb(s[0], s[1], s[0] * 31L + s[1]), options));
                }
                var options = EncoderOptions.quality(75).withProgressive(progressive).withSubsampling(sub);
                cases.add(new Case((progressive ? "progressive " : "baseline ") + sub + " noise 53x37",
                        TestImages.noiseRgb(53, 37, 7), options.withQuality(95)));
                cases.add(new Case((progressive ? "progressive " : "baseline ") + sub + " flat 40x24",
                        TestImages.flatRgb(40, 24, 250, 3, 128), options));
                cases.add(new Case((progressive ? "progressive " : "baseline ") + sub + " text 70x50 restart 3",
                        TestImages.textLikeRgb(70, 50), options.withRestartInterval(3)));
            }
            var gray = EncoderOptions.quality(85).withProgressive(progressive);
            for (int[] s : sizes) {
                cases.add(new Case((progressive ? "progressive " : "baseline ") + "gray " + s[0] + "x" + s[1],
                        TestImages.smoothGray(s[0], s[1], 3), gray));
            }
            cases.add(new Case((progressive ? "progressive " : "baseline ") + "gray restart 1",
                    TestImages.smoothGray(45, 29, 5), gray.withRestartInterval(1)));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesCleanlyWithDjpegCloseToSource(Case c) {
        // given
        try (var encoder = new JpegEncoder(2)) {
            // when
            byte[] jpeg = encoder.encode(c.image(), c.options());
            RasterImage decoded = Djpeg.decode(jpeg);

            // then
            assertThat(decoded.width()).isEqualTo(c.image().width());
            assertThat(decoded.height()).isEqualTo(c.image().height());
            assertThat(decoded.channels()).isEqualTo(c.image().channels());
            assertThat(Psnr.of(c.image(), decoded)).isGreaterThan(floor(c));
            assertThat(Djpeg.decode(Djpeg.jpegtran(jpeg)).samples()).isEqualTo(decoded.samples());
        }
    }

    private static double floor(Case c) {
        if (c.name().contains("noise")) {
            return c.options().subsampling() == ChromaSubsampling.S444 ? 20 : 11; // white noise loses its chroma
        }
        if (c.name().contains("text")) {
            return 22; // hard black/white edges at q75
        }
        return c.options().quality() >= 85 ? 30 : 26;
    }

    @ParameterizedTest(name = "quality {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 10, 30, 50, 75, 90, 100})
    void psnrRisesWithQuality(int quality) {
        RasterImage image = TestImages.smoothRgb(96, 80, 11);
        try (var encoder = new JpegEncoder(1)) {
            double low = Psnr.of(image, Djpeg.decode(encoder.encode(image, EncoderOptions.quality(quality))));
            double high = Psnr.of(image, Djpeg.decode(encoder.encode(image, EncoderOptions.quality(Math.min(100, quality + 10)))));
            assertThat(high).isGreaterThanOrEqualTo(low - 0.2);
            assertThat(low).isGreaterThan(20 + quality * 0.15);
        }
    }
}
