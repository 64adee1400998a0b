package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.quant.QuantPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequentialScanWriterTest {

    @ParameterizedTest(name = "{0} {1}x{2} q{3}")
    @CsvSource({"RGB,77,300,70", "RGB,640,480,95", "GRAY,333,405,50", "RGB,16,8,90", "RGB,1,1,80"})
    void stripedScanEqualsTheSerialScanByteForByte(ColorChannels channels, int width, int height, int quality) {
        // given
        RasterImage image = channels == ColorChannels.RGB ? TestImages.noiseRgb(width, height, 2)
                : TestImages.smoothGray(width, height, 2);
        FrameLayout layout = FrameLayout.of(width, height, channels, ChromaSubsampling.S420);
        QuantPlan plan = QuantPlan.forQuality(quality, Effort.FAST);
        try (var pool = new WorkerPool(3)) {
            CoefficientPlanes planes = QuantizationPasses.run(image, layout, plan,
                    new QuantizationTables(plan.tables().luma(), plan.tables().chroma()), pool);
            Scan scan = ScanScripts.sequential(layout).getFirst();
            var encoder = new ScanEncoder(planes, false, 0);
            // when
            byte[] striped = encoder.encodeSequential(scan, SequentialStatistics.gatherStripes(planes, scan, 0, pool), pool);
            // then
            assertThat(striped).isEqualTo(encoder.encode(scan));
        }
    }
}
