package com.storagecompressai.systemtest;

/**
 * An interval of {@link System#nanoTime()}: e.g. from sending SIGKILL until the process was gone, during which a request
 * may still have reached it.
 */
record Window(long from, long until) {

    static final Window NEVER = new Window(Long.MAX_VALUE, Long.MAX_VALUE);

    /** Whether [sent, answered] overlaps this window. */
    boolean overlaps(long sent, long answered) {
        return sent <= until && answered >= from;
    }
}
