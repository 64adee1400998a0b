package com.storagecompressai.jpeg;

import java.util.Arrays;

/** A growable byte buffer without the locking of {@link java.io.ByteArrayOutputStream}. */
final class ByteSink {

    private byte[] buf;
    private int size;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    void write(int b) {
        if (size == buf.length) {
            grow(1);
        }
        buf[size++] = (byte) b;
    }

    void writeInt(int v) {
        if (size + 4 > buf.length) {
            grow(4);
        }
        buf[size] = (byte) (v >>> 24);
        buf[size + 1] = (byte) (v >>> 16);
        buf[size + 2] = (byte) (v >>> 8);
        buf[size + 3] = (byte) v;
        size += 4;
    }

    void writeShort(int v) {
        write(v >>> 8);
        write(v);
    }

    void write(byte[] b, int off, int len) {
        if (size + len > buf.length) {
            grow(len);
        }
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(ByteSink other) {
        write(other.buf, 0, other.size);
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void grow(int extra) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
}
