package org.lancang.app;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lancang.store.Platform;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A one-shot command that works on the platform: opens it (database options as for {@code serve}; the network folder
 * its {@code --network} names, if any, served too), runs, closes it.
 * Rule violations are explained by {@link Lancang}'s exception handler (exit code 2).
 */
abstract class PlatformCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (Platform platform = open()) {
            PrintWriter out = spec.commandLine().getOut();
            int code = run(platform, out);
            out.flush();
            return code;
        }
    }

    /**
     * The platform the command works on: the jar's networks, and the folder its {@code --network} names, if any. A
     * command over every network the server serves opens it with those instead.
     */
    Platform open() {
        return PlatformOpener.open(database, network().flatMap(NetworkOption::folder));
    }

    /**
     * The command's one network, if it takes one: its {@link NetworkOption} mixin (or its own option through one), whose
     * folder on disk, if it names one, is served for the command.
     */
    Optional<NetworkOption> network() {
        return spec.mixins().values().stream()
                .map(CommandSpec::userObject)
                .filter(NetworkOption.class::isInstance)
                .map(NetworkOption.class::cast)
                .findFirst();
    }

    /** The command's work; returns the exit code. */
    abstract int run(Platform platform, PrintWriter out) throws Exception;

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
