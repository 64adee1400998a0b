package com.storagecompressai.imaging;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A byte array as an ImageInputStream that gives up on a reader stuck at the end of the data. Some plugins
 * treat EOF as "more zero bits" and keep going: TwelveMonkeys' lossless WebP decoder, fed a 101-byte file
 * (found by fuzzing), spent 10 s reading Huffman tables from past the end, one EOFException per byte. Past
 * {@link #MAX_READS_PAST_END} such reads this throws an IIOException, which no plugin mistakes for EOF.
 *
 * <p>Not thread-safe (no ImageInputStream is). Does not copy or modify the array.
 */
final class EndAwareImageInputStream extends ImageInputStreamImpl {

    /** Far more than any reader needs to notice the end, far less than a stuck loop burns. */
    static final int MAX_READS_PAST_END = 4_096;

    private final byte[] data;
    private int readsPastEnd;

    EndAwareImageInputStream(byte[] data) {
        this.data = Objects.requireNonNull(data);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= data.length) {
            pastEnd();
            return -1;
        }
        return data[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(offset, length, buffer.length);
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            pastEnd();
            return -1;
        }
        int n = (int) Math.min(length, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, buffer, offset, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }

    private void pastEnd() throws IIOException {
        if (++readsPastEnd > MAX_READS_PAST_END) {
            throw new IIOException("the image data ends early: the reader went on " + MAX_READS_PAST_END
                    + " times past its end");
        }
    }
}
