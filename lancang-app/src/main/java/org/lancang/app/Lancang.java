package org.lancang.app;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.lancang.data.DataFileException;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.gtfs.GtfsFormatException;
import org.lancang.store.db.WriterLock;
import org.lancang.store.networks.ServedNetworks;
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

    /**
     * A rule the input broke, or a file named on the command line that cannot be read or written, is explained in one
     * line per field, exit code 2; anything else is a real failure.
     */
    private static int explain(Exception e, CommandLine cli, CommandLine.ParseResult parsed) throws Exception {
        FileSystemException file = fileProblem(e);
        if (file != null) {
            cli.getErr().println(explain(file));
        } else if (e instanceof InvalidInput invalid) {
            invalid.errors().forEach(err -> cli.getErr().println(err.field() + ": " + err.message()));
        } else if (e instanceof Clash
                || e instanceof NotFound
                || e instanceof DataFileException
                || e instanceof MissingDataFile
                || e instanceof GtfsFormatException
                || e instanceof WriterLock.HeldByAnotherServer
                || e instanceof ServedNetworks.Clash) {
            cli.getErr().println(e.getMessage());
        } else {
            throw e;
        }
        cli.getErr().flush();
        return 2;
    }

    /** The file a command could not open, whether thrown as it is or wrapped as unchecked. */
    private static FileSystemException fileProblem(Exception e) {
        if (e instanceof FileSystemException file) {
            return file;
        }
        if (e instanceof UncheckedIOException unchecked && unchecked.getCause() instanceof FileSystemException file) {
            return file;
        }
        return null;
    }

    private static String explain(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return e.getFile() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return e.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getFile() + ": already exists, where a folder or a new file was to be made";
        }
        if (e instanceof NotDirectoryException) {
            return e.getFile() + ": not a folder";
        }
        return e.getFile() + ": " + (e.getReason() == null ? "cannot be used" : e.getReason());
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
