package com.storagecompressai.engine.cli;

import com.storagecompressai.jpeg.ChromaSubsampling;
import com.storagecompressai.jpeg.Effort;
import com.storagecompressai.jpeg.EncoderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code serve | encode … IN OUT | bench … FILE…} into a {@link Command}. */
public final class CommandLine {

    public static final String USAGE = """
            usage: compressor-engine [serve]
                   compressor-engine encode [--quality Q] [--subsampling 420|422|444] [--baseline] \
            [--effort fast|default] IN OUT
                   compressor-engine bench [--quality Q] [--repeat N] [encode options] FILE...
              Q: 1-100 (default 80); IN: JPEG, PNG, GIF, BMP, TIFF, WebP, PGM or PPM; OUT: a JPEG file
              bench decodes first, warms up, times the encode alone and prints "MP/s <number>" for its best run""";

    private CommandLine() {
    }

    /** @throws CliException with a message saying what is wrong */
    public static Command parse(String... args) throws CliException {
        if (args.length == 0) {
            return new Command.Serve();
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "serve" -> {
                if (!rest.isEmpty()) {
                    throw new CliException("serve takes no arguments (configure it with environment variables)");
                }
                yield new Command.Serve();
            }
            case "encode" -> encode(rest);
            case "bench" -> bench(rest);
            case "help", "--help", "-h" -> new Command.Help();
            default -> throw new CliException("unknown command '" + args[0] + "'");
        };
    }

    private static Command encode(List<String> args) throws CliException {
        Options parsed = Options.parse(args, false);
        if (parsed.positional.size() != 2) {
            throw new CliException("encode needs exactly IN and OUT, got " + parsed.positional.size() + " file names");
        }
        return new Command.Encode(parsed.options, Path.of(parsed.positional.get(0)), Path.of(parsed.positional.get(1)));
    }

    private static Command bench(List<String> args) throws CliException {
        Options parsed = Options.parse(args, true);
        if (parsed.positional.isEmpty()) {
            throw new CliException("bench needs at least one FILE");
        }
        return new Command.Bench(parsed.options, parsed.repeat, parsed.positional.stream().map(Path::of).toList());
    }

    private static final class Options {
        EncoderOptions options = EncoderOptions.defaults();
        int repeat = 5;
        final List<String> positional = new ArrayList<>();

        static Options parse(List<String> args, boolean bench) throws CliException {
            Options parsed = new Options();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!arg.startsWith("--") || arg.equals("--")) {
                    parsed.positional.add(arg);
                    continue;
                }
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                if (name.equals("--baseline")) {
                    parsed.options = parsed.options.withProgressive(false);
                    continue;
                }
                if (name.equals("--progressive")) {
                    parsed.options = parsed.options.withProgressive(true);
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new CliException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                switch (name) {
                    case "--quality" -> parsed.options = parsed.options.withQuality(
                            wholeNumber(name, value, 1, 100));
                    case "--subsampling" -> parsed.options = parsed.options.withSubsampling(subsampling(value));
                    case "--effort" -> parsed.options = parsed.options.withEffort(effort(value));
                    case "--repeat" -> {
                        if (!bench) {
                            throw new CliException("--repeat belongs to bench");
                        }
                        parsed.repeat = wholeNumber(name, value, 1, 1_000_000);
                    }
                    default -> throw new CliException("unknown option " + name);
                }
            }
            return parsed;
        }
    }

    static int wholeNumber(String option, String value, int min, int max) throws CliException {
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new CliException(option + " takes a whole number from " + min + " to " + max + ", got '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static ChromaSubsampling subsampling(String value) throws CliException {
        return switch (value) {
            case "420", "4:2:0" -> ChromaSubsampling.S420;
            case "422", "4:2:2" -> ChromaSubsampling.S422;
            case "444", "4:4:4" -> ChromaSubsampling.S444;
            default -> throw new CliException("--subsampling takes 420, 422 or 444, got '" + value + "'");
        };
    }

    private static Effort effort(String value) throws CliException {
        return switch (value) {
            case "fast" -> Effort.FAST;
            case "default" -> Effort.DEFAULT;
            default -> throw new CliException("--effort takes fast or default, got '" + value + "'");
        };
    }
}
