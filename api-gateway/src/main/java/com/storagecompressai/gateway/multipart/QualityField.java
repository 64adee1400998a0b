package com.storagecompressai.gateway.multipart;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.http.RequestException;

/** The {@code quality} field: decimal digits only, 1–100. */
public final class QualityField {

    public static final int DEFAULT = CompressOptions.DEFAULT_QUALITY;
    static final String RULE = "quality must be a whole number from 1 to 100 (decimal digits only)";

    private QualityField() {
    }

    /** @throws RequestException INVALID_QUALITY for empty text, signs, decimals, hex, exponents, spaces or out-of-range values */
    public static int parse(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid();
        }
        long value = Long.parseLong(text);
        if (value < 1 || value > 100) {
            throw invalid();
        }
        return (int) value;
    }

    static RequestException invalid() {
        return new RequestException(ErrorCode.INVALID_QUALITY, RULE);
    }
}
