package com.storagecompressai.jpeg.quant;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns forward-DCT coefficients of one component into the integers a JPEG stores, by rate-distortion
 * optimised (trellis) quantization as in mozjpeg or, when the plan turns it off, by rounding with an adaptive
 * dead zone. Immutable and thread-safe: create one per component per pass and call it from many threads on
 * different block rows; each thread reuses its own small scratch. The output depends only on the arguments.
 *
 * <p>Costs follow mozjpeg ({@code jcdctmgr.c quantize_trellis}) in libjpeg units (8× orthonormal): per block
 * J = bits + λ·Σ (ĉ·8Q − x)² / Q², with λ = 2^s1 / (2^s2 + σ²) from the block's AC energy σ², scaled down
 * where the adaptive-quantization field says errors are masked.
 */
public final class TrellisQuantizer {

    static final int MAX_DC = 2047;
    static final int MAX_AC = 1023;
    /**
     * The DC trellis tries the rounded value and its two neighbours. mozjpeg tries up to nine; on 27 photos
     * at qualities 15 to 100 the outer six never won a block, and they took a tenth of the encoder's time.
     */
    private static final int DC_CANDIDATES = 3;

    private final int[] quant;
    private final boolean luma;
    private final QuantPlan plan;
    private final RateModel rate;
    /** 1/Q² per zig-zag position. */
    private final float[] weight = new float[64];
    /** The quantizer step in libjpeg units, 8Q, per zig-zag position. */
    private final float[] step = new float[64];
    /** Bits of a DC difference of category s: its symbol plus s magnitude bits. */
    private final float[] dcDiffBits = new float[13];
    /** Bits of AC symbol RRRRSSSS plus its SSSS magnitude bits. */
    private final float[] symbolBits = new float[256];
    /** Fewest bits of an AC symbol of each size over all run lengths, for pruning the trellis search. */
    private final float[] cheapestSymbolBits = new float[16];
    private final float lambdaNumerator;
    private final float lambdaKnee;

    /**
     * A luma-tuned trellis quantizer with mozjpeg's default λ.
     *
     * @param quantNatural  the quantizer table, natural order, 1..255
     * @param dcCodeLengths code length per DC category (≥ 12 entries, 0 = no code), or null for Annex K
     * @param acCodeLengths code length per AC symbol RRRRSSSS (256 entries, 0 = no code), or null for Annex K
     */
    public TrellisQuantizer(int[] quantNatural, int[] dcCodeLengths, int[] acCodeLengths) {
        this(QuantPlan.forQuality(75, true), 0, quantNatural, rateModel(0, dcCodeLengths, acCodeLengths));
    }

    TrellisQuantizer(QuantPlan plan, int component, int[] quantNatural, RateModel rate) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.quant = checkedTable(quantNatural);
        this.luma = component == 0;
        this.rate = Objects.requireNonNull(rate, "rate");
        for (int i = 0; i < 64; i++) {
            int q = quant[ZigZag.NATURAL_ORDER[i]];
            weight[i] = 1f / (q * q);
            step[i] = 8f * q;
        }
        for (int size = 0; size < dcDiffBits.length; size++) {
            dcDiffBits[size] = size + (size < rate.dcLengths().length ? rate.dcCost(size) : RateModel.ABSENT_COST);
        }
        Arrays.fill(cheapestSymbolBits, Float.MAX_VALUE);
        for (int rs = 0; rs < 256; rs++) {
            symbolBits[rs] = rate.acCost(rs) + (rs & 15);
            cheapestSymbolBits[rs & 15] = Math.min(cheapestSymbolBits[rs & 15], symbolBits[rs]);
        }
        this.lambdaNumerator = (float) Math.pow(2, plan.lambdaLog1());
        this.lambdaKnee = (float) Math.pow(2, plan.lambdaLog2());
    }

    static RateModel rateModel(int component, int[] dcCodeLengths, int[] acCodeLengths) {
        if (dcCodeLengths == null || acCodeLengths == null) {
            return RateModel.annexK(component);
        }
        return new RateModel(dcCodeLengths, acCodeLengths);
    }

    /**
     * Quantizes one row (or any run) of {@code blocks} consecutive blocks that forms one DC prediction chain.
     *
     * @param dct                64 floats per block from index 0: natural order, orthonormal DCT of
     *                           level-shifted samples
     * @param out                receives 64 coefficients per block in zig-zag order at {@code outOffset + 64 i}
     * @param aqPerBlock         adaptive-quantization strength per block from index 0 ({@link AqField}), or null
     * @param startDcPrediction  the quantized DC the chain continues from (the previous block's DC, 0 at the
     *                           start of a component; at a stripe start use {@link #plainDc} of the block
     *                           before, so the result does not depend on the stripe split)
     */
    public void quantizeRow(float[] dct, int blocks, short[] out, int outOffset, float[] aqPerBlock,
            int startDcPrediction) {
        quantizeRow(dct, 0, blocks, out, outOffset, aqPerBlock, 0, startDcPrediction);
    }

    /** As {@link #quantizeRow(float[], int, short[], int, float[], int)}, with input offsets. */
    public void quantizeRow(float[] dct, int dctOffset, int blocks, short[] out, int outOffset, float[] aqPerBlock,
            int aqOffset, int startDcPrediction) {
        if (blocks <= 0) {
            return;
        }
        if (!plan.trellis()) {
            roundRow(dct, dctOffset, blocks, out, outOffset, aqPerBlock, aqOffset);
            return;
        }
        Scratch s = Scratch.ofThisThread(blocks, DC_CANDIDATES);
        for (int b = 0; b < blocks; b++) {
            int in = dctOffset + 64 * b;
            float aq = aqPerBlock == null ? 0f : aqPerBlock[aqOffset + b];
            float lambda = blockLambda(dct, in, aq);
            trellisAc(dct, in, lambda, out, outOffset + 64 * b, s);
            dcCandidates(dct[in] * 8f, lambda * weight[0], b, s);
        }
        chooseDc(startDcPrediction, blocks, out, outOffset, s);
    }

    /** The plainly rounded quantized DC of a block whose DC coefficient (orthonormal) is {@code dc}. */
    public int plainDc(float dc) {
        return Math.clamp(round(dc / quant[0]), -MAX_DC, MAX_DC);
    }

    /** Block λ in libjpeg units: mozjpeg's masking model, then the AQ field's extra masking. */
    float blockLambda(float[] dct, int in, float aq) {
        float energy = 0;
        for (int k = 1; k < 64; k++) {
            float x = dct[in + k] * 8f;
            energy += x * x;
        }
        energy /= 63f;
        float lambda = lambdaKnee > 1f ? lambdaNumerator / (lambdaKnee + energy) : lambdaNumerator / 4096f;
        return lambda * plan.aqLambdaScale(aq, luma);
    }

    private void roundRow(float[] dct, int dctOffset, int blocks, short[] out, int outOffset, float[] aqPerBlock,
            int aqOffset) {
        int[] zz = ZigZag.NATURAL_ORDER;
        for (int b = 0; b < blocks; b++) {
            int in = dctOffset + 64 * b;
            int o = outOffset + 64 * b;
            float aq = aqPerBlock == null ? 0f : aqPerBlock[aqOffset + b];
            float zeroBelow = plan.deadZone(aq, luma);
            out[o] = (short) plainDc(dct[in]);
            for (int i = 1; i < 64; i++) {
                float v = dct[in + zz[i]] / quant[zz[i]];
                out[o + i] = Math.abs(v) < zeroBelow ? 0 : (short) Math.clamp(round(v), -MAX_AC, MAX_AC);
            }
        }
    }

    /** mozjpeg's AC trellis: dynamic programming over zig-zag positions, state = last nonzero position. */
    private void trellisAc(float[] dct, int in, float lambda, short[] out, int o, Scratch s) {
        int[] zz = ZigZag.NATURAL_ORDER;
        float[] zeroDist = s.zeroDist;
        float[] cost = s.cost;
        int[] runStart = s.runStart;
        int[] best = s.best;
        int[] nonzero = s.nonzero;
        float[] cheapestPathBefore = s.cheapestPathBefore;
        int nonzeroCount = 1;
        nonzero[0] = 0;
        cheapestPathBefore[0] = 0;
        zeroDist[0] = 0;
        cost[0] = 0;
        int zrlBits = rate.acCost(0xF0);
        // The per-coefficient arithmetic first, in zig-zag order and in a loop the JIT vectorizes; the search
        // below then passes over most coefficients, which round to 0, with a load and an add.
        float[] signed = s.signed;
        float[] energy = s.energy;
        int[] rounded = s.rounded;
        for (int i = 1; i < 64; i++) {
            signed[i] = dct[in + zz[i]] * 8f;
        }
        for (int i = 1; i < 64; i++) {
            float x = Math.abs(signed[i]);
            energy[i] = x * x * (lambda * weight[i]);
            rounded[i] = (int) (x / step[i] + 0.5f);
        }
        float zeroed = 0; // zeroDist[i], kept in a register along the loop
        for (int i = 1; i < 64; i++) {
            float before = zeroed;
            zeroed = before + energy[i];
            zeroDist[i] = zeroed;
            int qval = rounded[i];
            if (qval == 0) {
                continue;
            }
            float xs = signed[i];
            float x = Math.abs(xs);
            float q = step[i];
            float w = lambda * weight[i];
            qval = Math.min(qval, MAX_AC);
            int categories = bitLength(qval);
            // Values two or more categories below the rounded one never win at these λ: skip them.
            int lowest = Math.max(0, categories - 2);
            float[] dist = s.candidateDist;
            int[] value = s.candidateValue;
            for (int c = lowest; c < categories; c++) {
                int candidate = c < categories - 1 ? (2 << c) - 1 : qval;
                float delta = candidate * q - x;
                dist[c] = delta * delta * w;
                value[c] = xs < 0 ? -candidate : candidate;
            }
            float cheapestEnding = Float.MAX_VALUE;
            for (int c = lowest; c < categories; c++) {
                float ending = cheapestSymbolBits[c + 1] + dist[c];
                cheapestEnding = ending < cheapestEnding ? ending : cheapestEnding;
            }
            // Latest predecessors first: the best one is usually near, and once even the cheapest earlier
            // predecessor with the cheapest symbol cannot beat the best total, the rest are skipped. Ties go to
            // the earliest predecessor, so the choice is the one a full forward scan makes.
            float bestTotal = Float.MAX_VALUE;
            int bestFrom = -1;
            // The bound is computed in floats too: a margin far above its rounding error keeps the skip exact.
            float slack = (4 * before + 1024f) * 0x1p-18f;
            for (int n = nonzeroCount - 1; n >= 0; n--) {
                if (before + cheapestPathBefore[n] + cheapestEnding - slack > bestTotal) {
                    break;
                }
                int j = nonzero[n];
                int run = i - 1 - j;
                float path = before - zeroDist[j] + cost[j] + (run >> 4) * zrlBits;
                int row = (run & 15) << 4;
                for (int c = lowest; c < categories; c++) {
                    float total = path + symbolBits[row | (c + 1)] + dist[c];
                    if (total < bestTotal || (total == bestTotal && j != bestFrom)) {
                        bestTotal = total;
                        best[i] = value[c];
                        bestFrom = j;
                    }
                }
            }
            runStart[i] = bestFrom;
            cost[i] = bestTotal;
            float pathBefore = bestTotal - zeroed;
            float previous = cheapestPathBefore[nonzeroCount - 1];
            cheapestPathBefore[nonzeroCount] = pathBefore < previous ? pathBefore : previous;
            nonzero[nonzeroCount++] = i;
        }
        int eobBits = rate.acCost(0x00);
        int last = 0;
        float bestCost = zeroDist[63] + eobBits;
        for (int n = 1; n < nonzeroCount; n++) {
            int i = nonzero[n];
            float total = cost[i] + zeroDist[63] - zeroDist[i] + (i < 63 ? eobBits : 0);
            if (total < bestCost) {
                bestCost = total;
                last = i;
            }
        }
        for (int i = 1; i < 64; i++) {
            out[o + i] = 0;
        }
        while (last > 0) {
            out[o + last] = (short) best[last];
            last = runStart[last];
        }
    }

    private void dcCandidates(float xs, float lambdaDc, int b, Scratch s) {
        float x = Math.abs(xs);
        float q = 8f * quant[0];
        int qval = (int) (x / q + 0.5f);
        int n = DC_CANDIDATES;
        for (int c = 0; c < n; c++) {
            int candidate = Math.clamp(qval - n / 2 + c, -MAX_DC, MAX_DC);
            float delta = candidate * q - x;
            s.dcValue[b * n + c] = xs < 0 ? -candidate : candidate;
            s.dcDist[b * n + c] = delta * delta * lambdaDc;
        }
    }

    /** Viterbi along the chain: each block's DC cost depends on the previous block's choice. */
    private void chooseDc(int startPrediction, int blocks, short[] out, int outOffset, Scratch s) {
        int n = DC_CANDIDATES;
        float[] acc = s.dcAcc;
        int[] from = s.dcFrom;
        int[] value = s.dcValue;
        for (int c = 0; c < n; c++) {
            acc[c] = dcBits(value[c] - startPrediction) + s.dcDist[c];
            from[c] = -1;
        }
        for (int b = 1; b < blocks; b++) {
            for (int c = 0; c < n; c++) {
                int v = value[b * n + c];
                float bestCost = Float.MAX_VALUE;
                int bestFrom = 0;
                for (int p = 0; p < n; p++) {
                    float total = acc[(b - 1) * n + p] + dcBits(v - value[(b - 1) * n + p]);
                    boolean better = total < bestCost;
                    bestFrom = better ? p : bestFrom;
                    bestCost = better ? total : bestCost;
                }
                acc[b * n + c] = bestCost + s.dcDist[b * n + c];
                from[b * n + c] = bestFrom;
            }
        }
        int c = 0;
        for (int k = 1; k < n; k++) {
            if (acc[(blocks - 1) * n + k] < acc[(blocks - 1) * n + c]) {
                c = k;
            }
        }
        for (int b = blocks - 1; b >= 0; b--) {
            out[outOffset + 64 * b] = (short) value[b * n + c];
            c = from[b * n + c];
        }
    }

    private float dcBits(int diff) {
        return dcDiffBits[bitLength(Math.abs(diff))];
    }

    static int bitLength(int v) {
        return 32 - Integer.numberOfLeadingZeros(v);
    }

    /** Rounds half away from zero, like libjpeg's quantizer. */
    static int round(float v) {
        return v >= 0 ? (int) (v + 0.5f) : -(int) (-v + 0.5f);
    }

    private static int[] checkedTable(int[] table) {
        if (table == null || table.length != 64) {
            throw new IllegalArgumentException("quantizer table needs 64 entries");
        }
        for (int v : table) {
            if (v < 1 || v > 255) {
                throw new IllegalArgumentException("quantizer entry out of 1..255: " + v);
            }
        }
        return table.clone();
    }

    /** Working memory of one thread, reused from call to call, so the quantizer itself stays immutable. */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> OF_THREAD = new ThreadLocal<>();

        final float[] zeroDist = new float[64];
        final float[] cost = new float[64];
        final int[] runStart = new int[64];
        final int[] best = new int[64];
        final int[] nonzero = new int[64];
        /** Entry n: the least cost[j] − zeroDist[j] over the first n + 1 entries of {@code nonzero}. */
        final float[] cheapestPathBefore = new float[64];
        final float[] signed = new float[64];
        final float[] energy = new float[64];
        final int[] rounded = new int[64];
        final float[] candidateDist = new float[16];
        final int[] candidateValue = new int[16];
        final int[] dcValue;
        final float[] dcDist;
        final float[] dcAcc;
        final int[] dcFrom;

        private Scratch(int entries) {
            dcValue = new int[entries];
            dcDist = new float[entries];
            dcAcc = new float[entries];
            dcFrom = new int[entries];
        }

        /** This thread's scratch, with room for {@code blocks} × {@code candidates} DC candidates. */
        static Scratch ofThisThread(int blocks, int candidates) {
            Scratch s = OF_THREAD.get();
            if (s == null || s.dcValue.length < blocks * candidates) {
                s = new Scratch(blocks * candidates);
                OF_THREAD.set(s);
            }
            return s;
        }
    }
}
