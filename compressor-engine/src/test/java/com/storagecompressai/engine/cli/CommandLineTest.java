package com.storagecompressai.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.jpeg.ChromaSubsampling;
import com.storagecompressai.jpeg.Effort;
import com.storagecompressai.jpeg.EncoderOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void servesWithoutArguments() throws Exception {
        assertThat(CommandLine.parse()).isEqualTo(new Command.Serve());
        assertThat(CommandLine.parse("serve")).isEqualTo(new Command.Serve());
    }

    @Test
    void parsesEncodeWithEveryOption() throws Exception {
        Command command = CommandLine.parse("encode", "--quality", "75", "--subsampling", "444", "--baseline",
                "--effort", "fast", "in.ppm", "out.jpg");

        assertThat(command).isInstanceOfSatisfying(Command.Encode.class, encode -> {
            assertThat(encode.options().quality()).isEqualTo(75);
            assertThat(encode.options().subsampling()).isEqualTo(ChromaSubsampling.S444);
            assertThat(encode.options().progressive()).isFalse();
            assertThat(encode.options().effort()).isEqualTo(Effort.FAST);
            assertThat(encode.input()).isEqualTo(Path.of("in.ppm"));
            assertThat(encode.output()).isEqualTo(Path.of("out.jpg"));
        });
    }

    @Test
    void encodeDefaultsToTheEncodersDefaults() throws Exception {
        Command command = CommandLine.parse("encode", "a.png", "b.jpg");

        assertThat(command).isEqualTo(new Command.Encode(EncoderOptions.defaults(), Path.of("a.png"), Path.of("b.jpg")));
    }

    @Test
    void parsesBenchWithRepeatAndSeveralFiles() throws Exception {
        Command command = CommandLine.parse("bench", "--quality=90", "--repeat", "7", "a.ppm", "b.ppm");

        assertThat(command).isEqualTo(new Command.Bench(EncoderOptions.quality(90), 7,
                List.of(Path.of("a.ppm"), Path.of("b.ppm"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"encode --quality 0 a b", "encode --quality 101 a b", "encode --quality 8x a b",
            "encode --subsampling 411 a b", "encode --effort max a b", "encode a", "encode a b c",
            "encode --quality", "encode --repeat 3 a b", "bench --repeat 0 a", "bench", "frobnicate",
            "serve extra", "encode --unknown 1 a b"})
    void refusesBadUsageWithAMessage(String line) {
        assertThatThrownBy(() -> CommandLine.parse(line.split(" ")))
                .isInstanceOf(CliException.class)
                .hasMessageNotContaining("Exception");
    }
}
