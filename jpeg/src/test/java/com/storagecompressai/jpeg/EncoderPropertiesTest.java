package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random sizes, contents and options give a JPEG that djpeg decodes cleanly to the right size. */
class EncoderPropertiesTest {

    private static final JpegEncoder ENCODER = new JpegEncoder(2);

    @Property(tries = 60)
    void anyImageEncodesToAValidJpegOfTheSameSize(
            @ForAll @IntRange(min = 1, max = 70) int width,
            @ForAll @IntRange(min = 1, max = 70) int height,
            @ForAll boolean gray,
            @ForAll boolean noise,
            @ForAll ChromaSubsampling subsampling,
            @ForAll boolean progressive,
            @ForAll @IntRange(min = 1, max = 100) int quality,
            @ForAll @IntRange(min = 0, max = 5) int restartInterval,
            @ForAll long seed) {
        // given
        RasterImage rgb = noise ? TestImages.noiseRgb(width, height, seed) : TestImages.smoothRgb(width, height, seed);
        RasterImage image = gray ? toGray(rgb) : rgb;
        var options = EncoderOptions.quality(quality).withSubsampling(subsampling).withProgressive(progressive)
                .withRestartInterval(restartInterval);
        // when
        byte[] jpeg = ENCODER.encode(image, options);
        RasterImage decoded = Djpeg.decode(jpeg);
        // then
        assertThat(decoded.width()).isEqualTo(width);
        assertThat(decoded.height()).isEqualTo(height);
        assertThat(decoded.channels()).isEqualTo(image.channels());
        assertThat(MarkerScan.codes(jpeg).subList(0, 2)).containsExactly(0xD8, 0xE0);
    }

    private static RasterImage toGray(RasterImage rgb) {
        byte[] g = new byte[rgb.width() * rgb.height()];
        for (int i = 0; i < g.length; i++) {
            g[i] = rgb.samples()[3 * i];
        }
        return new RasterImage(rgb.width(), rgb.height(), ColorChannels.GRAY, g);
    }
}
