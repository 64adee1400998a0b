package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The output bytes do not depend on the thread count. */
class JpegEncoderDeterminismTest {

    @ParameterizedTest(name = "progressive={0}")
    @ValueSource(booleans = {false, true})
    void sameBytesForOneToFourThreads(boolean progressive) {
        // given
        RasterImage image = TestImages.smoothRgb(203, 157, 42);
        var options = EncoderOptions.quality(80).withProgressive(progressive);
        byte[] reference;
        try (var one = new JpegEncoder(1)) {
            reference = one.encode(image, options);
        }
        for (int threads = 2; threads <= 4; threads++) {
            try (var encoder = new JpegEncoder(threads)) {
                // when
                byte[] bytes = encoder.encode(image, options);
                // then
                assertThat(bytes).as("%d threads", threads).isEqualTo(reference);
            }
        }
    }
}
