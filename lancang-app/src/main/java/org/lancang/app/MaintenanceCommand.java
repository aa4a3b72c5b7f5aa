package org.lancang.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.lancang.maintenance.Defect;
import org.lancang.maintenance.TemporaryRestriction;
import org.lancang.store.Platform;
import org.lancang.store.maintenance.MaintenanceService;
import org.lancang.store.maintenance.RestrictionImpact;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.web.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lancang maintenance restrictions|impact}. */
@Command(
        name = "maintenance",
        mixinStandardHelpOptions = true,
        description = "Maintenance: the speed restrictions in force and what they do to the timetable.",
        subcommands = {MaintenanceCommand.Restrictions.class, MaintenanceCommand.Impact.class})
final class MaintenanceCommand extends CommandGroup {

    /** One restriction in force with its defect, as listed (and as JSON). */
    record RestrictionRow(
            String defectId,
            String assetId,
            double fromKm,
            double toKm,
            int speedKmh,
            Instant validFrom,
            Instant validTo,
            String severity,
            String description) {
        static RestrictionRow of(Defect d) {
            TemporaryRestriction r = d.restriction();
            return new RestrictionRow(
                    d.id(),
                    d.assetId(),
                    r.fromKm(),
                    r.toKm(),
                    r.speedKmh(),
                    r.validFrom(),
                    r.effectiveEnd(),
                    d.severity().name(),
                    d.description());
        }
    }

    @Command(
            name = "restrictions",
            mixinStandardHelpOptions = true,
            description = "The temporary speed restrictions in force, in km order.")
    static final class Restrictions extends PlatformCommand {
        @Mixin
        NetworkOption network;

        @Option(names = "--at", description = "instant with offset (default now), e.g. 2026-12-02T08:00+07:00")
        OffsetDateTime at;

        @Option(names = "--format", defaultValue = "text", description = "text, csv or json")
        OutputFormat format;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            MaintenanceService maintenance = platform.networkMaintenance().named(network.code(platform), "--network");
            Instant when = at != null ? at.toInstant() : maintenance.now();
            List<RestrictionRow> rows = maintenance.restrictionsInForce(when).stream()
                    .map(RestrictionRow::of)
                    .toList();
            switch (format) {
                case JSON ->
                    out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
                case CSV -> {
                    out.println(Csv.line(List.of(
                            "defect",
                            "asset",
                            "from_km",
                            "to_km",
                            "speed_kmh",
                            "valid_from",
                            "valid_to",
                            "severity",
                            "description")));
                    rows.forEach(r -> out.println(Csv.line(List.of(
                            r.defectId(),
                            r.assetId(),
                            r.fromKm(),
                            r.toKm(),
                            r.speedKmh(),
                            r.validFrom(),
                            r.validTo(),
                            r.severity(),
                            r.description()))));
                }
                case TEXT -> {
                    for (RestrictionRow r : rows) {
                        out.printf(
                                "%-8s %-20s km %8.3f – %8.3f  %3d km/h  until %s  %s: %s%n",
                                r.defectId(),
                                r.assetId(),
                                r.fromKm(),
                                r.toKm(),
                                r.speedKmh(),
                                r.validTo(),
                                r.severity(),
                                r.description());
                    }
                    out.printf("%d speed restriction(s) in force at %s%n", rows.size(), when);
                }
            }
            return 0;
        }
    }

    @Command(
            name = "impact",
            mixinStandardHelpOptions = true,
            description = "What the day's restrictions do to it: each train's delay and the conflicts they add.")
    static final class Impact extends PlatformCommand {
        @Mixin
        NetworkOption network;

        @Option(names = "--date", description = "the service day (default: today in the network's service zone)")
        LocalDate date;

        @Override
        int run(Platform platform, PrintWriter out) {
            MaintenanceService maintenance = platform.networkMaintenance().named(network.code(platform), "--network");
            LocalDate day = date != null ? date : LocalDate.ofInstant(maintenance.now(), maintenance.serviceZone());
            RestrictionImpact impact = maintenance.impact(day);
            for (RestrictionImpact.TrainDelay t : impact.trains()) {
                out.printf(
                        "%-6s %s → %s  arrives %s instead of %s: %+d s%n",
                        t.train(), t.from(), t.to(), t.arrivalAfter(), t.arrivalBefore(), t.delaySeconds());
            }
            for (Conflict c : impact.newConflicts()) {
                out.printf(
                        "NEW CONFLICT %s: %s and %s overlap %s – %s%n",
                        c.resource(), c.first(), c.second(), c.from(), c.to());
            }
            out.printf(
                    "%s: %d restriction(s), %d train(s) delayed, %d new conflict(s)%n",
                    day,
                    impact.after().size(),
                    impact.trains().size(),
                    impact.newConflicts().size());
            return 0;
        }
    }
}
