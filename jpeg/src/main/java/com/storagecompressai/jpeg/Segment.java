package com.storagecompressai.jpeg;

/** A marker segment of the interchange format (T.81 B.1.1.4): writes its marker, length and payload. */
sealed interface Segment permits JfifSegment, IccProfileSegment, QuantizationSegment, FrameHeader,
        HuffmanSegment, RestartIntervalSegment, ScanHeader {

    int SOI = 0xD8;
    int EOI = 0xD9;

    void writeTo(ByteSink out);

    static void marker(ByteSink out, int code) {
        out.write(0xFF);
        out.write(code);
    }
}
