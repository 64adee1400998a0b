package com.storagecompressai.jpeg.quant;

import com.storagecompressai.jpeg.ChromaSubsampling;
import com.storagecompressai.jpeg.Effort;
import java.util.Objects;

/**
 * Every quantization choice of one encode, derived from the quality: the tables and the knobs of trellis,
 * adaptive quantization and deringing. Immutable; share one across all threads of an encode.
 *
 * @param quality       1–100 on our calibrated scale
 * @param tables        the DQT tables to write and quantize with
 * @param trellis       rate-distortion optimised quantization of AC and DC (else rounding with a dead zone)
 * @param lambdaLog1    trellis λ numerator exponent: λ = 2^lambdaLog1 / (2^lambdaLog2 + σ²)
 * @param lambdaLog2    trellis λ knee exponent (σ² = mean squared AC coefficient, libjpeg units)
 * @param deringing     whether callers should run {@link Deringing} on blocks before the DCT
 * @param adaptive      whether callers should compute an {@link AqField} and pass it to the quantizer
 * @param aqLambda      how strongly the AQ strength lowers λ: λ × 2^(−aqLambda · aq)
 * @param deadZone      rounding threshold of plain quantization, in quantizer steps (0.5 = round to nearest)
 * @param aqDeadZone    extra threshold per unit of AQ strength in plain quantization
 */
public record QuantPlan(
        int quality,
        QuantTables tables,
        boolean trellis,
        double lambdaLog1,
        double lambdaLog2,
        boolean deringing,
        boolean adaptive,
        double aqLambda,
        double deadZone,
        double aqDeadZone) {

    public QuantPlan {
        Objects.requireNonNull(tables, "tables");
    }

    /** The plan for {@code quality} (1–100) with ({@code trellis}) or without the rate-distortion search. */
    public static QuantPlan forQuality(int quality, boolean trellis) {
        return forQuality(quality, trellis, ChromaSubsampling.S420);
    }

    /** The plan for {@code quality} at an effort: {@link Effort#FAST} quantizes by plain rounding. */
    public static QuantPlan forQuality(int quality, Effort effort) {
        return forQuality(quality, effort != Effort.FAST);
    }

    /** The plan for {@code quality} at an effort, with tables for the given chroma resolution. */
    public static QuantPlan forQuality(int quality, Effort effort, ChromaSubsampling subsampling) {
        return forQuality(quality, effort != Effort.FAST, subsampling);
    }

    static QuantPlan forQuality(int quality, boolean trellis, ChromaSubsampling subsampling) {
        return new QuantPlan(quality, QuantTables.forQuality(quality, subsampling), trellis, 14.75, 16.5, true, false,
                0.0, 0.5, 0.0);
    }

    /**
     * The quantizer for one component and pass: 0 = luma, others chroma. Code lengths as in
     * {@link RateModel}; either null means the Annex K example tables (first pass).
     */
    public TrellisQuantizer quantizer(int component, int[] dcCodeLengths, int[] acCodeLengths) {
        return new TrellisQuantizer(this, component, table(component),
                TrellisQuantizer.rateModel(component, dcCodeLengths, acCodeLengths));
    }

    /** The quantizer table for a component: 0 = luma, others chroma. */
    int[] table(int component) {
        return component == 0 ? tables.lumaView() : tables.chromaView();
    }

    float aqLambdaScale(float aq, boolean luma) {
        return adaptive && aqLambda != 0 ? (float) Math.pow(2, -aqLambda * aq) : 1f;
    }

    float deadZone(float aq, boolean luma) {
        return (float) (deadZone + (adaptive ? aqDeadZone * aq : 0));
    }
}
