package com.storagecompressai.gateway.compress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The 200 body of {@code POST /compress}; {@code url} comes first and always stays.
 *
 * @param width the output's width (after any resize)
 * @param quality the quality the JPEG was encoded at (chosen by the search when target or max_bytes was given)
 * @param score the measured SSIM, only when it was measured (target or max_bytes)
 * @param source {@code encoded}, or {@code original} when the uploaded JPEG itself was smaller than a re-encode
 */
@JsonPropertyOrder({"url", "size", "originalSize", "width", "height", "quality", "score", "source"})
record CompressResult(String url, long size, long originalSize, int width, int height, int quality,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double score, String source) {
}
