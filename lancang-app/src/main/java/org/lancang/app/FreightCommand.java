package org.lancang.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lancang.errors.InvalidInput;
import org.lancang.freight.EquipmentKind;
import org.lancang.freight.PathAsk;
import org.lancang.freight.Tariffs;
import org.lancang.money.Money;
import org.lancang.store.Platform;
import org.lancang.store.customs.CustomsRecords;
import org.lancang.store.freight.FreightRecords;
import org.lancang.store.freight.FreightService;
import org.lancang.timetable.StopRequest;
import org.lancang.web.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lancang freight slots|request|quote} (issue 17), {@code customs-messages} (issue 19). */
@Command(
        name = "freight",
        mixinStandardHelpOptions = true,
        description = "Freight: the slot catalogue, ad-hoc path requests, quotes.",
        subcommands = {
            FreightCommand.Slots.class,
            FreightCommand.Request.class,
            FreightCommand.Quote.class,
            FreightCommand.CustomsMessages.class
        })
final class FreightCommand extends CommandGroup {

    @Command(
            name = "slots",
            mixinStandardHelpOptions = true,
            description = "The slot catalogue, one slot a line, with its train's times on the date.")
    static final class Slots extends PlatformCommand {
        @Mixin
        NetworkOption network;

        @Option(names = "--date", description = "service date YYYY-MM-DD (default today in the network's service zone)")
        LocalDate date;

        @Option(names = "--format", defaultValue = "text", description = "text or json")
        OutputFormat format;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            FreightService freight = platform.networkFreight().named(network.code(platform), "--network");
            LocalDate d = date != null
                    ? date
                    : freight.now().atZone(freight.network().serviceZone()).toLocalDate();
            List<FreightRecords.SlotOnDate> slots = freight.slots(d);
            if (format == OutputFormat.JSON) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(slots));
                return 0;
            }
            for (FreightRecords.SlotOnDate s : slots) {
                out.printf(
                        Locale.ROOT,
                        "%-7s %-6s %s→%s dep %s  %2d wagons %3d TEU left  cut-off %2d h  DG %-3s  %s%n",
                        s.slot().id(),
                        s.slot().train(),
                        s.from(),
                        s.to(),
                        s.runs() ? s.departure() : "(not on " + d + ")",
                        s.wagonsLeft(),
                        s.teuLeft(),
                        s.slot().cutOff().toHours(),
                        s.slot().dangerousGoods() ? "yes" : "no",
                        s.slot().name());
            }
            return 0;
        }
    }

    @Command(
            name = "request",
            mixinStandardHelpOptions = true,
            description = "Ask for an ad-hoc path (stored as a request of --shipper): the path, or the binding"
                    + " constraint and the earliest alternative.")
    static final class Request extends PlatformCommand {
        @Mixin
        NetworkOption network;

        @Option(names = "--from", required = true, description = "freight station code")
        String from;

        @Option(names = "--to", required = true, description = "freight station code")
        String to;

        @Option(names = "--earliest", description = "earliest departure with offset, e.g. 2026-12-06T08:00+07:00")
        OffsetDateTime earliest;

        @Option(names = "--latest-arrival", description = "latest arrival with offset")
        OffsetDateTime latestArrival;

        @Option(names = "--mass", defaultValue = "2500", description = "trailing mass in t (default ${DEFAULT-VALUE})")
        double mass;

        @Option(names = "--length", defaultValue = "524", description = "train length in m (default ${DEFAULT-VALUE})")
        double length;

        @Option(names = "--dangerous-goods", description = "the train carries dangerous goods")
        boolean dangerous;

        @Option(
                names = "--via",
                split = ",",
                description = "junctions the train runs through, in order, where two ways join the stations,"
                        + " e.g. QY (default: the shortest way)")
        List<String> via = new ArrayList<>();

        @Option(names = "--shipper", defaultValue = "cli", description = "the shipper the request is kept for")
        String shipper;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            FreightRecords.Answered a = platform.networkFreight()
                    .named(network.code(platform), "--network")
                    .request(
                            shipper,
                            new PathAsk(
                                    from,
                                    to,
                                    earliest == null ? null : earliest.toInstant(),
                                    latestArrival == null ? null : latestArrival.toInstant(),
                                    mass,
                                    length,
                                    dangerous,
                                    via.stream()
                                            .map(v -> v.strip().toUpperCase(Locale.ROOT))
                                            .toList()));
            FreightRecords.Request r = a.request();
            out.printf(
                    "%s  train %s  %s  %s → %s%s%n",
                    r.id(),
                    r.train(),
                    r.status(),
                    r.ask().from(),
                    r.ask().to(),
                    r.ask().via().isEmpty()
                            ? ""
                            : " via " + String.join(", ", r.ask().via()));
            if (a.answer().feasible()) {
                out.printf(
                        "path: departs %s, arrives %s, waits %s%n",
                        r.departure(),
                        r.arrival(),
                        a.answer().path().waits().stream()
                                .map(StopRequest::toString)
                                .toList());
            } else {
                out.printf("no path as asked (%s): %s%n", r.bindingKind(), r.binding());
                if (a.answer().alternative() != null) {
                    out.printf(
                            "earliest alternative: departs %s, arrives %s%n",
                            a.answer().alternative().run().departure(),
                            a.answer().alternative().run().arrival());
                }
            }
            a.answer().notes().forEach(n -> out.println("  " + n));
            return a.answer().feasible() ? 0 : 3;
        }
    }

    @Command(
            name = "quote",
            mixinStandardHelpOptions = true,
            description = "A quote: each carrier's section in its currency and the through total in CNY, LAK and USD.")
    static final class Quote extends PlatformCommand {
        @Mixin
        NetworkOption network;

        @Option(names = "--from", required = true, description = "station code")
        String from;

        @Option(names = "--to", required = true, description = "station code")
        String to;

        @Option(
                names = "--item",
                required = true,
                description =
                        "KIND:COUNT, repeatable, e.g. REEFER_40:40 or COVERED:3 (kinds: ${COMPLETION-CANDIDATES})")
        List<String> items;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            List<Tariffs.Item> list = new ArrayList<>();
            for (String item : items) {
                list.add(item(item));
            }
            Tariffs.Quote q = platform.networkFreight()
                    .named(network.code(platform), "--network")
                    .quote(from, to, list);
            for (Tariffs.SectionCharge s : q.sections()) {
                out.printf(
                        Locale.ROOT,
                        "%-12s %s→%s %7.1f km  %s%n",
                        s.carrier(),
                        s.from(),
                        s.to(),
                        s.tariffKm(),
                        s.amount());
            }
            for (Money total : q.total().values()) {
                out.printf("total %s%n", total);
            }
            return 0;
        }

        /** One {@code KIND:COUNT}, refused naming the option when it is not one. */
        private static Tariffs.Item item(String item) {
            String[] kv = item.split(":", -1);
            EquipmentKind kind = Arrays.stream(EquipmentKind.values())
                    .filter(k -> k.name().equalsIgnoreCase(kv[0].strip()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInput(
                            "--item",
                            "'" + item + "': '" + kv[0] + "' is no kind of equipment; one of "
                                    + Arrays.toString(EquipmentKind.values())));
            int count;
            try {
                count = kv.length == 2 ? Integer.parseInt(kv[1].strip()) : 0;
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1) {
                throw new InvalidInput("--item", "'" + item + "': give KIND:COUNT with a COUNT of 1 or more");
            }
            return new Tariffs.Item(kind, count, 0);
        }
    }

    @Command(
            name = "customs-messages",
            mixinStandardHelpOptions = true,
            description = "The advance cargo data as sent to each border's customs (CUSCAR), one message a line in the"
                    + " order committed; --seq prints one message's UN/EDIFACT text.")
    static final class CustomsMessages extends PlatformCommand {
        /** Messages read per query. */
        static final int PAGE = 1000;

        @Option(names = "--after", defaultValue = "0", description = "only messages after this seq (default 0)")
        long after;

        @Option(names = "--country", description = "only those to this country's customs (e.g. LA)")
        String country;

        /** Only this network's messages; none named: every network's (not home's alone, as elsewhere). */
        @Mixin
        NetworkOption network;

        @Option(names = "--seq", description = "print this message's UN/EDIFACT text instead")
        Long seq;

        @Override
        int run(Platform platform, PrintWriter out) {
            var customs = platform.networkCustoms();
            if (seq != null) {
                out.print(customs.home().message(seq).body());
                out.println();
                return 0;
            }
            String code = network.name == null
                    ? null
                    : customs.named(network.code(platform), "--network").networkCode();
            String receiver = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
            // page by seq, so every message after --after is printed and no one query holds them all
            long from = after;
            List<CustomsRecords.Message> page;
            do {
                page = customs.home().messages(receiver, code, from, PAGE);
                page.forEach(m -> print(m, out));
                if (!page.isEmpty()) {
                    from = page.get(page.size() - 1).seq();
                }
            } while (page.size() == PAGE);
            return 0;
        }

        private static void print(CustomsRecords.Message m, PrintWriter out) {
            out.printf(
                    Locale.ROOT,
                    "%d  %s v%d%s  to %s customs at %s (%s, %s)  %s %s  %d consignment(s)  sent %s by %s%n",
                    m.seq(),
                    m.reference(),
                    m.version(),
                    m.original() == null ? "" : " amends " + m.original(),
                    m.receiver(),
                    m.control(),
                    m.border(),
                    m.network(),
                    m.train(),
                    m.serviceDate(),
                    m.consignments().size(),
                    m.createdAt(),
                    m.sentBy());
        }
    }
}
