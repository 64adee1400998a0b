package com.storagecompressai.jpeg.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TrellisQuantizerTest {

    private static final int[] NATURAL = ZigZag.NATURAL_ORDER;

    /** Random natural-looking blocks: energy falling with frequency, some busy, some flat. */
    private static float[] randomBlocks(Random random, int blocks) {
        float[] dct = new float[64 * blocks];
        for (int b = 0; b < blocks; b++) {
            float scale = (float) Math.pow(10, random.nextDouble() * 2.2);
            dct[64 * b] = (float) (random.nextGaussian() * 400);
            for (int k = 1; k < 64; k++) {
                int u = k % 8;
                int v = k / 8;
                dct[64 * b + k] = (float) (random.nextGaussian() * scale / (1 + u + v));
            }
        }
        return dct;
    }

    /** J = bits + λ Σ weighted squared error of the AC part, priced independently of the quantizer. */
    private static double acCost(TrellisQuantizer tq, RateModel rate, int[] quant, float[] dct, int in, short[] out,
            int o) {
        float lambda = tq.blockLambda(dct, in, 0f);
        double dist = 0;
        for (int i = 1; i < 64; i++) {
            int k = NATURAL[i];
            double err = out[o + i] * 8.0 * quant[k] - dct[in + k] * 8.0;
            dist += err * err * lambda / ((double) quant[k] * quant[k]);
        }
        int bits = 0;
        int run = 0;
        for (int i = 1; i < 64; i++) {
            int c = out[o + i];
            if (c == 0) {
                run++;
                continue;
            }
            while (run > 15) {
                bits += rate.acCost(0xF0);
                run -= 16;
            }
            int size = TrellisQuantizer.bitLength(Math.abs(c));
            bits += rate.acCost((run << 4) | size) + size;
            run = 0;
        }
        if (run > 0) {
            bits += rate.acCost(0x00);
        }
        return bits + dist;
    }

    @Test
    void quantizeRowIsNeverWorseInRateDistortionThanRounding() {
        Random random = new Random(42);
        for (int quality : new int[] {30, 50, 75, 90, 97}) {
            // given
            QuantPlan trellis = QuantPlan.forQuality(quality, true);
            QuantPlan plain = QuantPlan.forQuality(quality, false);
            int[] quant = trellis.tables().luma();
            int blocks = 200;
            float[] dct = randomBlocks(random, blocks);
            TrellisQuantizer tq = trellis.quantizer(0, null, null);
            short[] optimised = new short[64 * blocks];
            short[] rounded = new short[64 * blocks];

            // when
            tq.quantizeRow(dct, blocks, optimised, 0, null, 0);
            plain.quantizer(0, null, null).quantizeRow(dct, blocks, rounded, 0, null, 0);

            // then
            double saved = 0;
            for (int b = 0; b < blocks; b++) {
                double jTrellis = acCost(tq, RateModel.annexK(0), quant, dct, 64 * b, optimised, 64 * b);
                double jPlain = acCost(tq, RateModel.annexK(0), quant, dct, 64 * b, rounded, 64 * b);
                assertThat(jTrellis).as("q%d block %d", quality, b).isLessThanOrEqualTo(jPlain + 1e-3 * jPlain + 1e-3);
                saved += jPlain - jTrellis;
            }
            assertThat(saved).as("q%d total saving", quality).isPositive();
        }
    }

    @Test
    void prunedSearchChoosesExactlyWhatTryingEveryPredecessorChooses() {
        Random random = new Random(11);
        for (int quality : new int[] {20, 50, 75, 90, 100}) {
            for (int component : new int[] {0, 1}) {
                // given: random blocks, priced with Annex K and with random code lengths
                QuantPlan plan = QuantPlan.forQuality(quality, true);
                int[] quant = component == 0 ? plan.tables().luma() : plan.tables().chroma();
                int[] dcLengths = new int[12];
                int[] acLengths = new int[256];
                for (int s = 0; s < 256; s++) {
                    acLengths[s] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(16);
                }
                for (int s = 0; s < 12; s++) {
                    dcLengths[s] = 1 + random.nextInt(11);
                }
                for (RateModel rate : List.of(RateModel.annexK(component), new RateModel(dcLengths, acLengths))) {
                    TrellisQuantizer tq = new TrellisQuantizer(plan, component, quant, rate);
                    var reference = new FullScanTrellis(quant, rate);
                    int blocks = 300;
                    float[] dct = randomBlocks(random, blocks);
                    short[] out = new short[64 * blocks];

                    // when
                    tq.quantizeRow(dct, blocks, out, 0, null, 0);

                    // then
                    for (int b = 0; b < blocks; b++) {
                        short[] expected = reference.quantizeAc(dct, 64 * b, tq.blockLambda(dct, 64 * b, 0f));
                        for (int i = 1; i < 64; i++) {
                            assertThat(out[64 * b + i]).as("q%d component %d block %d position %d",
                                    quality, component, b, i).isEqualTo(expected[i]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void quantizeRowKeepsCoefficientsInTheLegalRange() {
        // given: extreme inputs, finest table
        Random random = new Random(3);
        int blocks = 50;
        float[] dct = new float[64 * blocks];
        for (int i = 0; i < dct.length; i++) {
            dct[i] = (random.nextBoolean() ? 1 : -1) * (float) (random.nextDouble() * 30_000);
        }
        for (boolean trellis : new boolean[] {true, false}) {
            short[] out = new short[64 * blocks];

            // when
            QuantPlan.forQuality(100, trellis).quantizer(0, null, null).quantizeRow(dct, blocks, out, 0, null, 0);

            // then
            for (int b = 0; b < blocks; b++) {
                assertThat(Math.abs(out[64 * b])).isLessThanOrEqualTo(2047);
                for (int i = 1; i < 64; i++) {
                    assertThat(Math.abs(out[64 * b + i])).isLessThanOrEqualTo(1023);
                }
            }
        }
    }

    @Test
    void dcChainIsTheOneMozjpegsWiderCandidateWindowChooses() {
        Random random = new Random(5);
        for (int quality : new int[] {15, 50, 80, 95, 100}) {
            for (int component : new int[] {0, 1}) {
                // given: natural-looking blocks, and a smooth gradient where the DC chain matters most
                QuantPlan plan = QuantPlan.forQuality(quality, true);
                int[] quant = component == 0 ? plan.tables().luma() : plan.tables().chroma();
                RateModel rate = RateModel.annexK(component);
                TrellisQuantizer tq = new TrellisQuantizer(plan, component, quant, rate);
                int blocks = 400;
                float[] dct = randomBlocks(random, blocks);
                for (int b = 0; b < blocks / 2; b++) {
                    dct[64 * b] = b * 1.7f + (float) random.nextGaussian() * quant[0];
                }
                short[] out = new short[64 * blocks];

                // when
                tq.quantizeRow(dct, blocks, out, 0, null, 0);

                // then
                int[] expected = WideDcTrellis.chooseDc(tq, quant[0], rate, dct, blocks);
                for (int b = 0; b < blocks; b++) {
                    assertThat((int) out[64 * b]).as("q%d component %d block %d", quality, component, b)
                            .isEqualTo(expected[b]);
                }
            }
        }
    }

    @Test
    void quantizeRowOfAStripeDependsOnlyOnItsOwnBlocksAndStartPrediction() throws Exception {
        // given: an image of 8 rows of 40 blocks, quantized as stripes of 2 rows
        Random random = new Random(9);
        int perRow = 40;
        int rows = 8;
        float[] dct = randomBlocks(random, perRow * rows);
        TrellisQuantizer tq = QuantPlan.forQuality(85, true).quantizer(1, null, null);

        // when: sequentially, and on 4 threads in reverse order
        short[] sequential = quantizeStripes(tq, dct, perRow, rows, 1);
        short[] parallel = quantizeStripes(tq, dct, perRow, rows, 4);

        // then
        assertThat(parallel).isEqualTo(sequential);
        short[] again = quantizeStripes(tq, dct, perRow, rows, 1);
        assertThat(again).isEqualTo(sequential);
    }

    private static short[] quantizeStripes(TrellisQuantizer tq, float[] dct, int perRow, int rows, int threads)
            throws Exception {
        short[] out = new short[dct.length];
        int stripeRows = 2;
        List<Runnable> tasks = new ArrayList<>();
        for (int first = 0; first < rows; first += stripeRows) {
            int start = first * perRow;
            int blocks = stripeRows * perRow;
            int prediction = start == 0 ? 0 : tq.plainDc(dct[64 * (start - 1)]);
            tasks.add(() -> tq.quantizeRow(dct, 64 * start, blocks, out, 64 * start, null, 0, prediction));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = tasks.size() - 1; i >= 0; i--) {
                futures.add(pool.submit(tasks.get(i)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return out;
    }

    @Test
    void quantizeRowWithoutTrellisRoundsToNearest() {
        float[] dct = new float[64];
        int[] quant = QuantPlan.forQuality(75, false).tables().luma();
        dct[0] = 8 * 3.4f;
        dct[1] = quant[1] * 2.6f;
        dct[8] = -quant[8] * 1.5f;
        dct[9] = quant[9] * 0.49f;
        short[] out = new short[64];

        QuantPlan.forQuality(75, false).quantizer(0, null, null).quantizeRow(dct, 1, out, 0, null, 0);

        assertThat(out[0]).isEqualTo((short) Math.round(8 * 3.4f / quant[0]));
        assertThat(out[1]).isEqualTo((short) 3); // zig-zag 1 = natural 1
        assertThat(out[2]).isEqualTo((short) -2); // zig-zag 2 = natural 8
        assertThat(out[4]).isEqualTo((short) 0); // zig-zag 4 = natural 9
    }
}
