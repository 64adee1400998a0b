package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The output bytes do not depend on the thread count. */
class JpegEncoderDeterminismTest {

    record Case(String name, RasterImage image, EncoderOptions options) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        RasterImage photo = TestImages.smoothRgb(301, 707, 42);
        RasterImage gray = TestImages.smoothGray(333, 405, 5);
        return List.of(
                new Case("default progressive 4:2:0", photo, EncoderOptions.quality(80)),
                new Case("fast progressive 4:2:0", photo, EncoderOptions.quality(80).withEffort(Effort.FAST)),
                new Case("default baseline 4:2:2", photo, EncoderOptions.quality(70).withProgressive(false)
                        .withSubsampling(ChromaSubsampling.S422)),
                new Case("default progressive 4:4:4 restart 7", photo, EncoderOptions.quality(90)
                        .withSubsampling(ChromaSubsampling.S444).withRestartInterval(7)),
                new Case("default progressive gray", gray, EncoderOptions.quality(60)),
                new Case("default progressive noise", TestImages.noiseRgb(200, 300, 3), EncoderOptions.quality(95)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameBytesForOneToFourThreads(Case c) {
        // given
        byte[] reference;
        try (var one = new JpegEncoder(1)) {
            reference = one.encode(c.image(), c.options());
        }
        for (int threads = 2; threads <= 4; threads++) {
            try (var encoder = new JpegEncoder(threads)) {
                // when
                byte[] bytes = encoder.encode(c.image(), c.options());
                // then
                assertThat(bytes).as("%d threads", threads).isEqualTo(reference);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void concurrentEncodesOnOneEncoderGiveTheSameBytesAsSerialOnes() throws Exception {
        // given
        List<Case> cases = cases();
        byte[][] serial = new byte[cases.size()][];
        try (var encoder = new JpegEncoder(2)) {
            for (int i = 0; i < cases.size(); i++) {
                serial[i] = encoder.encode(cases.get(i).image(), cases.get(i).options());
            }
            // when: every case at once, from virtual threads sharing the encoder's pool
            try (var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var futures = new java.util.ArrayList<java.util.concurrent.Future<byte[]>>();
                for (Case c : cases) {
                    futures.add(callers.submit(() -> encoder.encode(c.image(), c.options())));
                }
                // then
                for (int i = 0; i < cases.size(); i++) {
                    assertThat(futures.get(i).get()).as(cases.get(i).name()).isEqualTo(serial[i]);
                }
            }
        }
    }
}
