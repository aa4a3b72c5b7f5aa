package org.lancang.app;

import org.lancang.data.DataFileException;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.gtfs.GtfsFormatException;
import org.lancang.store.db.WriterLock;
import org.lancang.store.reference.MissingDataFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lancang} command. */
@Command(
        name = "lancang",
        mixinStandardHelpOptions = true,
        version = "lancang 0.1.0",
        description =
                "Lancang: operations platform for cross-border railways (reference network: the China–Laos Railway).",
        footer = {
            "",
            "Benchmarks are not in this jar: ./lancang bench timetable|sales|ops|freight runs them from the lancang-bench module."
        },
        subcommands = {
            ServeCommand.class,
            NetworkCommand.class,
            UsersCommand.class,
            TimetableCommand.class,
            RuntimeCommand.class,
            GtfsCommand.class,
            SalesCommand.class,
            MaintenanceCommand.class,
            OpsCommand.class,
            FreightCommand.class
        })
public final class Lancang implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        configureLogging(args.length > 0 && args[0].equals("serve"));
        int code = commandLine().execute(args);
        if (!(args.length > 0 && args[0].equals("serve")) || code != 0) {
            System.exit(code);
        }
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Lancang())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Lancang::explain);
    }

    /** A rule the input broke is explained in one line per field, exit code 2; anything else is a real failure. */
    private static int explain(Exception e, CommandLine cli, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof InvalidInput invalid) {
            invalid.errors().forEach(err -> cli.getErr().println(err.field() + ": " + err.message()));
        } else if (e instanceof Clash
                || e instanceof NotFound
                || e instanceof DataFileException
                || e instanceof MissingDataFile
                || e instanceof GtfsFormatException
                || e instanceof WriterLock.HeldByAnotherServer) {
            cli.getErr().println(e.getMessage());
        } else {
            throw e;
        }
        cli.getErr().flush();
        return 2;
    }

    /** The server logs its progress; the other commands print only their results (and warnings). */
    static void configureLogging(boolean server) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", server ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.zonky", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.javalin", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
