package org.lancang.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.lancang.money.Currency;
import org.lancang.store.Platform;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lancang sales journeys}: what the ticket office would offer. */
@Command(
        name = "sales",
        mixinStandardHelpOptions = true,
        description = "Passenger sales.",
        subcommands = {SalesCommand.Journeys.class})
final class SalesCommand extends CommandGroup {
    /** Times as passengers read them, in whole minutes (as the pages show them too). */
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Command(
            name = "journeys",
            mixinStandardHelpOptions = true,
            description =
                    "Trains between two stations on a date: local times, duration, border, seats and fares per class.")
    static final class Journeys extends PlatformCommand {
        @Option(names = "--from", required = true)
        String from;

        @Option(names = "--to", required = true)
        String to;

        @Option(names = "--date", required = true, description = "YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--currency", defaultValue = "CNY", description = "CNY or LAK (default ${DEFAULT-VALUE})")
        Currency currency;

        @Override
        int run(Platform platform, PrintWriter out) {
            for (JourneyOption j : platform.sales().journeys(from, to, date, currency)) {
                out.printf(
                        "%-6s %s %s → %s %s  %dh%02d%s%s%n",
                        j.train(),
                        j.from(),
                        HH_MM.format(j.departure()),
                        j.to(),
                        HH_MM.format(j.arrival()) + " (UTC" + j.arrival().getOffset() + ")",
                        j.durationMinutes() / 60,
                        j.durationMinutes() % 60,
                        j.crossesBorder() ? "  crosses the border" : "",
                        j.onSale() ? "" : "  (not on sale now)");
                out.println("       "
                        + j.classes().stream()
                                .map(c -> c.seatClass() + ": " + c.available() + " seats, "
                                        + c.fare().total() + " ("
                                        + c.fare().parts().stream()
                                                .map(p -> p.amount().toString())
                                                .collect(Collectors.joining(" + "))
                                        + ")")
                                .collect(Collectors.joining("; ")));
            }
            return 0;
        }
    }
}
