package com.storagecompressai.gateway.compress;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The 200 body of {@code POST /compress}; {@code url} comes first and always stays. */
@JsonPropertyOrder({"url", "size", "originalSize", "width", "height", "quality"})
record CompressResult(String url, long size, long originalSize, int width, int height, int quality) {
}
