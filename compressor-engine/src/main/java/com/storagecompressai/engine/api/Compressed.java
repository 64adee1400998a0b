package com.storagecompressai.engine.api;

import java.time.Duration;

/** A finished JPEG with its pixel size and where the time went. */
public record Compressed(byte[] jpeg, int width, int height, Duration decodeTime, Duration encodeTime) {
}
