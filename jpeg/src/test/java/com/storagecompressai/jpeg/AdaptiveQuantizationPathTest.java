package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.quant.QuantPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipeline's adaptive-quantization path (per-stripe AQ field handed to the quantizer), which the default
 * plan leaves off: it must give decodable files that do not depend on the thread count.
 */
class AdaptiveQuantizationPathTest {

    @ParameterizedTest(name = "trellis={0}")
    @ValueSource(booleans = {false, true})
    void aqPlanDecodesAndIsIndependentOfThreads(boolean trellis) {
        // given
        RasterImage image = TestImages.smoothRgb(173, 141, 12);
        FrameLayout layout = FrameLayout.of(image.width(), image.height(), image.channels(), ChromaSubsampling.S420);
        QuantPlan base = QuantPlan.forQuality(80, trellis ? Effort.DEFAULT : Effort.FAST, ChromaSubsampling.S420);
        QuantPlan plan = new QuantPlan(base.quality(), base.tables(), base.trellis(), base.lambdaLog1(),
                base.lambdaLog2(), base.deringing(), true, 1.0, 0.5, 0.2);
        var tables = QuantizationTables.of(plan.tables());
        byte[] reference = null;
        for (int threads = 1; threads <= 3; threads++) {
            try (var pool = new WorkerPool(threads)) {
                // when
                CoefficientPlanes planes = QuantizationPasses.run(image, layout, plan, tables, pool);
                byte[] jpeg = JfifWriter.write(layout, tables, EncoderOptions.quality(80),
                        EntropyStage.encode(planes, EncoderOptions.quality(80), pool));
                // then
                if (reference == null) {
                    reference = jpeg;
                    assertThat(Psnr.of(image, Djpeg.decode(jpeg))).isGreaterThan(28);
                } else {
                    assertThat(jpeg).as("%d threads", threads).isEqualTo(reference);
                }
            }
        }
    }
}
