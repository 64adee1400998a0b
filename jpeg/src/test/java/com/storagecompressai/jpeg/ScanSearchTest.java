package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.quant.QuantPlan;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScanSearchTest {

    private static CoefficientPlanes planesOf(RasterImage image, int quality) {
        return planesOf(image, quality, Effort.FAST);
    }

    private static CoefficientPlanes planesOf(RasterImage image, int quality, Effort effort) {
        FrameLayout layout = FrameLayout.of(image.width(), image.height(), image.channels(), ChromaSubsampling.S420);
        QuantPlan plan = QuantPlan.forQuality(quality, effort);
        var tables = new QuantizationTables(plan.tables().luma(), plan.tables().chroma());
        try (var pool = new WorkerPool(1)) {
            return QuantizationPasses.run(image, layout, plan, tables, pool);
        }
    }

    /** Sparse planes with large values too, so refinements see history bits and long runs. */
    private static CoefficientPlanes randomPlanes(long seed) {
        var rnd = new SplittableRandom(seed);
        FrameLayout layout = FrameLayout.of(8 * 37, 8 * 5, ColorChannels.GRAY, ChromaSubsampling.S420);
        CoefficientPlanes planes = CoefficientPlanes.allocate(layout);
        short[] p = planes.plane(0);
        for (int b = 0; b < p.length / 64; b++) {
            int density = rnd.nextInt(4);
            for (int k = 1; k < 64; k++) {
                if (rnd.nextInt(64) < density * (64 - k) / 16) {
                    int v = 1 + (int) Math.pow(rnd.nextDouble(), 3) * 200;
                    p[b * 64 + k] = (short) (rnd.nextBoolean() ? v : -v);
                }
            }
        }
        return planes;
    }

    @ParameterizedTest(name = "restart interval {0}")
    @ValueSource(ints = {0, 1, 7})
    void bandStatisticsEqualTheCountsOfARealEncode(int restartInterval) {
        for (long seed = 0; seed < 5; seed++) {
            // given
            CoefficientPlanes planes = randomPlanes(seed);
            Scan[] candidates = {
                    Scan.ac(0, 1, 63, 0, 0), Scan.ac(0, 1, 5, 0, 2), Scan.ac(0, 6, 63, 0, 1), Scan.ac(0, 30, 40, 0, 3),
                    Scan.ac(0, 1, 63, 1, 0), Scan.ac(0, 1, 63, 3, 2), Scan.ac(0, 9, 63, 2, 1), Scan.ac(0, 17, 63, 1, 0)};
            var encoder = new ScanEncoder(planes, true, restartInterval);
            // when
            SymbolCounter[] fast = BandStatistics.gather(planes, 0, candidates, restartInterval);
            // then
            for (int i = 0; i < candidates.length; i++) {
                SymbolCounter real = encoder.count(candidates[i]);
                assertThat(fast[i].counts[SymbolSink.AC]).as("%s symbols", candidates[i])
                        .isEqualTo(real.counts[SymbolSink.AC]);
                assertThat(fast[i].rawBits).as("%s raw bits", candidates[i]).isEqualTo(real.rawBits);
            }
        }
    }

    @ParameterizedTest(name = "restart interval {0}")
    @ValueSource(ints = {0, 1, 7})
    void bandGridCountsEveryBandAsBandStatisticsDoes(int restartInterval) {
        int[] bounds = {0, 1, 2, 5, 8, 12, 18, 27, 40, 63};
        for (long seed = 0; seed < 3; seed++) {
            // given
            CoefficientPlanes planes = randomPlanes(seed);
            SignificanceMasks masks = SignificanceMasks.of(planes, 0, 3);
            for (int al = 0; al <= 3; al++) {
                var bands = new java.util.ArrayList<Scan>();
                for (int i = 0; i < bounds.length; i++) {
                    for (int j = i + 1; j < bounds.length; j++) {
                        bands.add(Scan.ac(0, bounds[i] + 1, bounds[j], 0, al));
                    }
                }
                // when
                BandGrid grid = BandGrid.gather(planes, masks, al, bounds);
                grid.countEobRuns(masks, bands, restartInterval);
                SymbolCounter[] expected = BandStatistics.gather(planes, masks, bands.toArray(Scan[]::new), restartInterval);
                // then
                for (int b = 0; b < bands.size(); b++) {
                    SymbolCounter actual = grid.counter(bands.get(b));
                    assertThat(actual.counts[SymbolSink.AC]).as("%s symbols", bands.get(b))
                            .isEqualTo(expected[b].counts[SymbolSink.AC]);
                    assertThat(actual.rawBits).as("%s raw bits", bands.get(b)).isEqualTo(expected[b].rawBits);
                    assertThat(grid.bits(bands.get(b))).as("%s priced", bands.get(b))
                            .isEqualTo(ScanSearch.bits(expected[b]));
                }
            }
        }
    }

    @Test
    void searchedScriptFollowsTheRulesAndIsNoLargerThanTheFixedScript() {
        long[] seeds = {1, 2, 3};
        for (long seed : seeds) {
            RasterImage image = seed == 3 ? TestImages.noiseRgb(120, 90, seed) : TestImages.smoothRgb(250, 170, seed);
            CoefficientPlanes planes = planesOf(image, 30 + 20 * (int) seed);
            List<Scan> searched;
            try (var pool = new WorkerPool(2)) {
                searched = ScanSearch.search(planes, 0, pool);
            }
            ScanScriptRules.check(searched, 3);
            long fixed = encodedSize(planes, ScanScripts.fixedProgressive(planes.layout()));
            long found = encodedSize(planes, searched);
            assertThat(found).as("seed %d: %s", seed, searched).isLessThanOrEqualTo(fixed);
        }
    }

    @Test
    void everyAcScanOfTheSearchedScriptComesWithTheCountsOfARealEncode() {
        // given: stage 1 prices point transforms on sampled rows, the statistics come from every row
        List<CoefficientPlanes> cases = List.of(randomPlanes(4),
                planesOf(TestImages.smoothRgb(260, 190, 6), 95, Effort.DEFAULT),
                planesOf(TestImages.textLikeRgb(200, 150), 95, Effort.DEFAULT),
                planesOf(TestImages.noiseRgb(120, 90, 7), 90, Effort.DEFAULT));
        int refinements = 0;
        for (int restartInterval : new int[] {0, 50}) {
            for (CoefficientPlanes planes : cases) {
                // when
                ScanSearch.Result result;
                try (var pool = new WorkerPool(2)) {
                    result = ScanSearch.searchWithStatistics(planes, restartInterval, pool);
                }

                // then
                var encoder = new ScanEncoder(planes, true, restartInterval);
                for (Scan scan : result.script()) {
                    if (scan.isDc()) {
                        continue;
                    }
                    refinements += scan.isRefinement() ? 1 : 0;
                    SymbolCounter known = result.statistics().get(scan);
                    SymbolCounter real = encoder.count(scan);
                    assertThat(known).as("statistics of %s", scan).isNotNull();
                    int slot = ScanEncoder.acSlots(scan)[0];
                    assertThat(known.counts[slot]).as("%s symbols", scan).isEqualTo(real.counts[slot]);
                    assertThat(known.rawBits).as("%s raw bits", scan).isEqualTo(real.rawBits);
                }
            }
        }
        assertThat(refinements).as("refinement scans among the scripts").isPositive();
    }

    @ParameterizedTest(name = "restart interval {0}")
    @ValueSource(ints = {0, 7})
    void countingEveryOtherBlockRowCountsTheComponentMadeOfThoseRows(int restartInterval) {
        for (long seed = 0; seed < 3; seed++) {
            // given: block rows 0, 2 and 4 of a 37 x 5 block plane, and a 37 x 3 plane holding just them
            CoefficientPlanes planes = randomPlanes(seed);
            CoefficientPlanes sampled = CoefficientPlanes.allocate(
                    FrameLayout.of(8 * 37, 8 * 3, ColorChannels.GRAY, ChromaSubsampling.S420));
            ComponentLayout from = planes.layout().component(0);
            ComponentLayout to = sampled.layout().component(0);
            for (int row = 0; row < 3; row++) {
                System.arraycopy(planes.plane(0), from.blockOffset(0, 2 * row), sampled.plane(0),
                        to.blockOffset(0, row), 37 * 64);
            }
            Scan[] candidates = {Scan.ac(0, 1, 8, 0, 1), Scan.ac(0, 9, 63, 0, 1), Scan.ac(0, 1, 63, 1, 0)};

            int[] bounds = {0, 2, 8, 63};
            List<Scan> bands = List.of(Scan.ac(0, 1, 2, 0, 1), Scan.ac(0, 3, 8, 0, 1), Scan.ac(0, 9, 63, 0, 1),
                    Scan.ac(0, 1, 8, 0, 1), Scan.ac(0, 3, 63, 0, 1), Scan.ac(0, 1, 63, 0, 1));
            SignificanceMasks masks = SignificanceMasks.of(planes, 0, 1);

            // when
            SymbolCounter[] everyOther = BandStatistics.gather(planes, masks, candidates, restartInterval, 2);
            SymbolCounter[] ofTheRows = BandStatistics.gather(sampled, 0, candidates, restartInterval);
            BandGrid everyOtherGrid = BandGrid.gather(planes, masks, 1, bounds, 2);
            everyOtherGrid.countEobRuns(masks, bands, restartInterval);
            SignificanceMasks rowMasks = SignificanceMasks.of(sampled, 0, 1);
            BandGrid gridOfTheRows = BandGrid.gather(sampled, rowMasks, 1, bounds);
            gridOfTheRows.countEobRuns(rowMasks, bands, restartInterval);

            // then
            for (int i = 0; i < candidates.length; i++) {
                assertThat(everyOther[i].counts[SymbolSink.AC]).as("%s symbols", candidates[i])
                        .isEqualTo(ofTheRows[i].counts[SymbolSink.AC]);
                assertThat(everyOther[i].rawBits).as("%s raw bits", candidates[i]).isEqualTo(ofTheRows[i].rawBits);
            }
            for (Scan band : bands) {
                assertThat(everyOtherGrid.bits(band)).as("grid: %s", band).isEqualTo(gridOfTheRows.bits(band));
            }
        }
    }

    @Test
    void searchedProgressiveFileDecodesCleanly() {
        RasterImage image = TestImages.smoothRgb(99, 77, 9);
        try (var encoder = new JpegEncoder(2)) {
            byte[] jpeg = encoder.encode(image, EncoderOptions.quality(90));
            assertThat(Psnr.of(image, Djpeg.decode(jpeg))).isGreaterThan(30);
        }
    }

    private static long encodedSize(CoefficientPlanes planes, List<Scan> script) {
        var encoder = new ScanEncoder(planes, true, 0);
        return script.stream().mapToLong(s -> encoder.encode(s).length).sum();
    }
}
