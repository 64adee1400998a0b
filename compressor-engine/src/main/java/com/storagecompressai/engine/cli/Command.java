package com.storagecompressai.engine.cli;

import com.storagecompressai.jpeg.EncoderOptions;
import java.nio.file.Path;
import java.util.List;

/** What the command line asked for. */
public sealed interface Command {

    /** Run the HTTP service (the default). */
    record Serve() implements Command {
    }

    /** Encode one file as JPEG. */
    record Encode(EncoderOptions options, Path input, Path output) implements Command {
    }

    /** Time the encoder alone on decoded files; {@code repeat} timed runs after the warm-up. */
    record Bench(EncoderOptions options, int repeat, List<Path> files) implements Command {
    }

    /** Print usage. */
    record Help() implements Command {
    }
}
