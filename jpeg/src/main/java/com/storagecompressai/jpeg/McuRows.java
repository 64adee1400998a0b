package com.storagecompressai.jpeg;

/** MCU rows {@code [start, end)} of a frame. */
record McuRows(int start, int end) {
}
