package com.bpo.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark's command line: {@code --flag} and {@code --option value}, read against the names the benchmark knows,
 * with the value types they share. Anything unknown or malformed throws {@link IllegalArgumentException}.
 */
final class CommandLineOptions {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();

    private CommandLineOptions() {}

    static CommandLineOptions read(String[] args, Set<String> knownFlags, Set<String> knownOptions) {
        CommandLineOptions line = new CommandLineOptions();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (knownFlags.contains(option)) {
                line.flags.add(option);
            } else if (!knownOptions.contains(option)) {
                throw new IllegalArgumentException("unknown option: " + option);
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value: " + option);
            } else {
                line.values.put(option, args[++i]);
            }
        }
        return line;
    }

    boolean flag(String name, boolean otherwise) {
        return flags.contains(name) || otherwise;
    }

    String text(String option, String otherwise) {
        return values.getOrDefault(option, otherwise);
    }

    /** A whole number; {@code _} may group digits ({@code 3_000_000}). */
    long number(String option, long otherwise) {
        return value(option, otherwise, text -> {
            try {
                return Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a whole number: " + text);
            }
        });
    }

    int integer(String option, int otherwise) {
        return Math.toIntExact(number(option, otherwise));
    }

    /** {@code 500ms}, {@code 45s}, {@code 2m}. */
    Duration duration(String option, Duration otherwise) {
        return value(option, otherwise, text -> duration(option, text));
    }

    /** A JVM heap size such as {@code 512m} or {@code 1g}. */
    String heapSize(String option, String otherwise) {
        return value(option, otherwise, text -> {
            if (!text.matches("\\d+[mMgG]")) {
                throw new IllegalArgumentException(option + " takes a size like 512m or 1g: " + text);
            }
            return text;
        });
    }

    static Duration duration(String option, String value) {
        Matcher matcher = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + " takes a duration like 500ms, 60s or 2m: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private <T> T value(String option, T otherwise, Function<String, T> parse) {
        String text = values.get(option);
        return text == null ? otherwise : parse.apply(text);
    }
}
