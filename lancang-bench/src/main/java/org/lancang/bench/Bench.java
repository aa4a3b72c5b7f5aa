package org.lancang.bench;

import picocli.CommandLine;

/**
 * {@code ./lancang bench …}: the launcher script runs this class with the application's jar on the class path, so the
 * benchmarks measure the very code that {@code ./lancang serve} runs while the shipped jar carries none of them.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) {
        // the benchmarks print their own results; the server they start logs only warnings
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new BenchCommand());
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
