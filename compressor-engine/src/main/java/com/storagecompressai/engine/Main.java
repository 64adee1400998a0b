package com.storagecompressai.engine;

import com.storagecompressai.engine.cli.BenchCommand;
import com.storagecompressai.engine.cli.CliException;
import com.storagecompressai.engine.cli.Command;
import com.storagecompressai.engine.cli.CommandLine;
import com.storagecompressai.engine.cli.EncodeCommand;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** The jar's entry point: {@code serve} (default), {@code encode}, {@code bench}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns the exit status: 0 done, 1 failed, 2 bad usage. */
    static int run(String... args) {
        Command command;
        try {
            command = CommandLine.parse(args);
        } catch (CliException e) {
            System.err.println("compressor-engine: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            return 2;
        }
        try {
            switch (command) {
                case Command.Help _ -> System.out.println(CommandLine.USAGE);
                case Command.Serve _ -> EngineService.serveUntilStopped();
                case Command.Encode encode -> {
                    try (Encoders.Handle encoder = Encoders.standard(Runtime.getRuntime().availableProcessors())) {
                        new EncodeCommand(encoder.encoding()).run(encode);
                    }
                }
                case Command.Bench bench -> {
                    try (Encoders.Handle encoder = Encoders.standard(Runtime.getRuntime().availableProcessors())) {
                        new BenchCommand(encoder.encoding(), System.out).run(bench);
                    }
                }
            }
            return 0;
        } catch (CliException | IllegalArgumentException e) {
            System.err.println("compressor-engine: " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            System.err.println("compressor-engine: no such file or directory: " + e.getFile());
            return 1;
        } catch (AccessDeniedException e) {
            System.err.println("compressor-engine: permission denied: " + e.getFile());
            return 1;
        } catch (Exception e) {
            System.err.println("compressor-engine: " + e);
            return 1;
        }
    }
}
