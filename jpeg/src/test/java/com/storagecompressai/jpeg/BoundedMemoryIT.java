package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memory bound: a 12-megapixel default encode (4:2:0, progressive, trellis) runs in a heap of three
 * times its raw RGB buffer, input included. Runs a child JVM with {@code -Xmx} set to that bound.
 */
class BoundedMemoryIT {

    @Test
    void twelveMegapixelEncodeFitsInThreeTimesTheRawBuffer() throws Exception {
        // given
        int width = 4000;
        int height = 3000;
        long raw = (long) width * height * 3;
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = List.of(java, "-Xmx" + (3 * raw / (1024 * 1024)) + "m",
                "-cp", System.getProperty("java.class.path"), MemoryProbeMain.class.getName(),
                Integer.toString(width), Integer.toString(height), "2");
        // when
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        // then
        assertThat(rc).as(output).isZero();
        assertThat(output).contains("encoded");
    }
}
