package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.quant.QuantPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequentialStatisticsTest {

    @ParameterizedTest(name = "{0} restart {1}")
    @CsvSource({"RGB,0", "RGB,1", "RGB,5", "RGB,37", "GRAY,0", "GRAY,3"})
    void stripeStatisticsSumToTheSerialCount(ColorChannels channels, int restartInterval) {
        // given: enough MCU rows for several stripes
        RasterImage rgb = TestImages.noiseRgb(77, 300, 4);
        RasterImage image = channels == ColorChannels.RGB ? rgb : TestImages.smoothGray(77, 300, 4);
        FrameLayout layout = FrameLayout.of(image.width(), image.height(), image.channels(), ChromaSubsampling.S420);
        QuantPlan plan = QuantPlan.forQuality(70, Effort.FAST);
        CoefficientPlanes planes;
        try (var one = new WorkerPool(1)) {
            planes = QuantizationPasses.run(image, layout, plan,
                    new QuantizationTables(plan.tables().luma(), plan.tables().chroma()), one);
        }
        Scan scan = ScanScripts.sequential(layout).getFirst();
        SymbolCounter serial = new ScanEncoder(planes, false, restartInterval).count(scan);
        try (var pool = new WorkerPool(3)) {
            // when
            SymbolCounter striped = SequentialStatistics.gather(planes, scan, restartInterval, pool);
            // then
            assertThat(striped.counts).isDeepEqualTo(serial.counts);
            assertThat(striped.rawBits).isEqualTo(serial.rawBits);
        }
    }
}
