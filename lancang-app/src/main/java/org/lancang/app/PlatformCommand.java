package org.lancang.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lancang.store.Platform;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A one-shot command that works on the platform: opens it (database options as for {@code serve}), runs, closes it.
 * Rule violations are explained by {@link Lancang}'s exception handler (exit code 2).
 */
abstract class PlatformCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (Platform platform = PlatformOpener.open(database)) {
            PrintWriter out = spec.commandLine().getOut();
            int code = run(platform, out);
            out.flush();
            return code;
        }
    }

    /** The command's work; returns the exit code. */
    abstract int run(Platform platform, PrintWriter out) throws Exception;

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
