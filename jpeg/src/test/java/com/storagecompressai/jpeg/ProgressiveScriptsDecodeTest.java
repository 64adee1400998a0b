package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.quant.QuantPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every scan script decodes to the same pixels: progressive coding is lossless over the quantized coefficients,
 * so the sequential, fixed, libjpeg standard (DC refinement included) and searched scripts must agree exactly.
 */
class ProgressiveScriptsDecodeTest {

    @ParameterizedTest(name = "{0} {1}x{2} {3} restart {4}")
    @CsvSource({"RGB,61,45,S420,0", "RGB,130,67,S422,0", "RGB,33,31,S444,2", "GRAY,45,29,S420,0", "GRAY,9,70,S420,3",
            "RGB,1,1,S420,0", "RGB,300,200,S420,5"})
    void allScriptsDecodeToTheSamePixels(ColorChannels channels, int width, int height, ChromaSubsampling sub,
                                         int restartInterval) {
        // given
        RasterImage image = channels == ColorChannels.RGB ? TestImages.noiseRgb(width, height, 1)
                : TestImages.smoothGray(width, height, 1);
        FrameLayout layout = FrameLayout.of(width, height, channels, sub);
        QuantPlan plan = QuantPlan.forQuality(85, Effort.DEFAULT, sub);
        var tables = QuantizationTables.of(plan.tables());
        try (var pool = new WorkerPool(2)) {
            CoefficientPlanes planes = QuantizationPasses.run(image, layout, plan, tables, pool);
            List<Function<FrameLayout, List<Scan>>> scripts = List.of(ScanScripts::fixedProgressive,
                    ScanScripts::standardProgressive, l -> ScanSearch.search(planes, restartInterval, pool));
            // when
            RasterImage sequential = Djpeg.decode(encode(planes, tables, ScanScripts.sequential(layout), false,
                    restartInterval));
            for (var script : scripts) {
                List<Scan> scans = script.apply(layout);
                ScanScriptRules.check(scans, layout.componentCount());
                RasterImage progressive = Djpeg.decode(encode(planes, tables, scans, true, restartInterval));
                // then
                assertThat(progressive.samples()).as("%s", scans).isEqualTo(sequential.samples());
            }
        }
    }

    private static byte[] encode(CoefficientPlanes planes, QuantizationTables tables, List<Scan> script,
                                 boolean progressive, int restartInterval) {
        var encoder = new ScanEncoder(planes, progressive, restartInterval);
        var scans = new ArrayList<byte[]>();
        for (Scan s : script) {
            scans.add(encoder.encode(s));
        }
        var options = EncoderOptions.quality(85).withProgressive(progressive).withRestartInterval(restartInterval);
        return JfifWriter.write(planes.layout(), tables, options, scans);
    }
}
