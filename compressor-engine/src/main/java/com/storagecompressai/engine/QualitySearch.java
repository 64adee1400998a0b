package com.storagecompressai.engine;

import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.ErrorCode;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the quality for a target SSIM and/or a size cap by binary search over 1–100 (at most 7 encodes
 * for each; every quality is encoded and measured at most once). With both, the target is met first and
 * the size then caps it. Assumes size and score grow with quality, as they do for our encoder.
 */
final class QualitySearch {

    /** Encodes at one quality and measures the result; both are called once per quality at most. */
    interface Trials {
        byte[] encode(int quality) throws CompressionException;

        double score(byte[] jpeg) throws CompressionException;
    }

    /** The pick: its quality, bytes and SSIM. */
    record Pick(int quality, byte[] jpeg, double score) {
    }

    private final Trials trials;
    private final Map<Integer, byte[]> encoded = new HashMap<>();
    private final Map<Integer, Double> scores = new HashMap<>();

    QualitySearch(Trials trials) {
        this.trials = trials;
    }

    /**
     * @param target   wanted SSIM or null
     * @param maxBytes size cap or null (one of the two is given)
     * @throws CompressionException TARGET_UNREACHABLE when even quality 1 is larger than {@code maxBytes}
     */
    Pick pick(Double target, Long maxBytes) throws CompressionException {
        int quality = target == null ? 100 : lowestReaching(target);
        if (maxBytes != null && size(quality) > maxBytes) {
            quality = highestUnder(maxBytes, quality - 1);
        }
        return new Pick(quality, encode(quality), score(quality));
    }

    /** The lowest quality whose score reaches {@code target}; 100 when none does. */
    private int lowestReaching(double target) throws CompressionException {
        int low = 1;
        int high = 100;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (score(mid) >= target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The highest quality up to {@code ceiling} whose file fits {@code maxBytes}. */
    private int highestUnder(long maxBytes, int ceiling) throws CompressionException {
        int low = 1;
        int high = Math.max(1, ceiling);
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (size(mid) <= maxBytes) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (size(low) > maxBytes) {
            throw new CompressionException(ErrorCode.TARGET_UNREACHABLE, "max_bytes " + maxBytes
                    + " cannot be met: even quality 1 gives " + size(low) + " bytes");
        }
        return low;
    }

    /** How many encodes the search made so far. */
    int encodes() {
        return encoded.size();
    }

    private long size(int quality) throws CompressionException {
        return encode(quality).length;
    }

    private byte[] encode(int quality) throws CompressionException {
        byte[] jpeg = encoded.get(quality);
        if (jpeg == null) {
            jpeg = trials.encode(quality);
            encoded.put(quality, jpeg);
        }
        return jpeg;
    }

    private double score(int quality) throws CompressionException {
        Double score = scores.get(quality);
        if (score == null) {
            score = trials.score(encode(quality));
            scores.put(quality, score);
        }
        return score;
    }
}
