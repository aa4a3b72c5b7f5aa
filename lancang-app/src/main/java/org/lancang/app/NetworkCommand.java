package org.lancang.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.lancang.network.Point;
import org.lancang.store.Platform;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.web.http.Json;
import org.lancang.web.network.NetworkRoutes;
import org.lancang.web.network.NetworkRoutes.SectionView;
import org.lancang.web.networks.NetworksRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lancang network …}: the network as stored. */
@Command(
        name = "network",
        mixinStandardHelpOptions = true,
        description = "Show the network.",
        subcommands = {NetworkCommand.Points.class, NetworkCommand.Sections.class, NetworkCommand.RoadClosures.class})
final class NetworkCommand extends CommandGroup {

    @Command(
            name = "road-closures",
            mixinStandardHelpOptions = true,
            description = "The road on each road–rail bridge closed while trains cross: every crossing of a day and the"
                    + " time the road was closed (the same as GET /api/networks/{network}/road-closures).")
    static final class RoadClosures extends PlatformCommand {
        @Mixin
        NetworkOption network;

        @Option(names = "--date", required = true, description = "the day, YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--format", defaultValue = "text", description = "text or json")
        OutputFormat format;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            NetworksRoutes.RoadClosuresView view = NetworksRoutes.roadClosures(network.of(platform), date);
            if (format == OutputFormat.JSON) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(view));
                return 0;
            }
            if (view.bridges().isEmpty()) {
                out.printf("%s has no bridge shared with a road%n", view.network());
            }
            for (NetworksRoutes.BridgeDayView b : view.bridges()) {
                out.printf(
                        "%s on %s: road closed %d min (%d crossings)%n",
                        b.bridge(), view.date(), b.roadClosedMinutes(), b.crossings());
                if (b.maxClosedMinutesPerDay() != null || b.maxSingleClosureMinutes() != null) {
                    out.printf(
                            "  limits: %s min a day, %s min a crossing%n",
                            b.maxClosedMinutesPerDay() == null ? "no" : b.maxClosedMinutesPerDay(),
                            b.maxSingleClosureMinutes() == null ? "no" : b.maxSingleClosureMinutes());
                }
                for (String w : b.roadWindows()) {
                    out.printf("  the road owns the bridge %s: no train crosses then%n", w);
                }
                for (NetworksRoutes.ClosureView c : b.closures()) {
                    out.printf(
                            "  %-6s %s – %s  %d min%n",
                            c.train(), c.from().toLocalTime(), c.to().toLocalTime(), c.minutes());
                }
            }
            for (NetworksRoutes.RoadLimitViolationView v : view.roadLimitViolations()) {
                out.printf("VIOLATION: %s%n", v.message());
            }
            return 0;
        }
    }

    @Command(
            name = "points",
            mixinStandardHelpOptions = true,
            description = "Every point of a network in its km order (the same list as GET /api/network/points).")
    static final class Points extends PlatformCommand {
        @Option(names = "--format", defaultValue = "text", description = "text, csv or json (default text)")
        OutputFormat format;

        @Mixin
        NetworkOption network;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            ServedNetwork served = network.of(platform);
            List<Point> points = served.network().referencePoints();
            switch (format) {
                case JSON ->
                    out.println(Json.MAPPER
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(routes(platform).pointViews(served.code())));
                case CSV -> {
                    out.println(Csv.line(List.of(
                            "code",
                            "name_en",
                            "name_zh",
                            "name_lo",
                            "country",
                            "km",
                            "km_quality",
                            "kind",
                            "time_zone",
                            "station_tracks",
                            "useful_length_m")));
                    for (Point p : points) {
                        out.println(Csv.line(List.of(
                                p.code(),
                                p.names().en(),
                                p.names().zh(),
                                p.names().lo(),
                                p.country().code(),
                                p.km(),
                                p.kmQuality().name().toLowerCase(Locale.ROOT),
                                p.kind(),
                                p.timeZone().getId(),
                                p.stationTracks(),
                                p.usefulLengthM())));
                    }
                }
                case TEXT -> {
                    out.printf(
                            "%-4s %-32s %-14s %-6s %8s  %-12s %-15s %s%n",
                            "code", "name", "中文", "ctry", "km", "kind", "time zone", "tracks");
                    for (Point p : points) {
                        out.printf(
                                Locale.ROOT,
                                "%-4s %-32s %-14s %-6s %8.1f  %-12s %-15s %d%n",
                                p.code(),
                                p.names().en(),
                                p.names().zh(),
                                p.country().code(),
                                p.km(),
                                p.kind(),
                                p.timeZone().getId(),
                                p.stationTracks());
                    }
                }
            }
            return 0;
        }
    }

    @Command(
            name = "sections",
            mixinStandardHelpOptions = true,
            description = "Every section of a network in its km order: tracks, line speed, gauge, electrification (the"
                    + " same list as GET /api/network/sections).")
    static final class Sections extends PlatformCommand {
        @Option(names = "--format", defaultValue = "text", description = "text, csv or json (default text)")
        OutputFormat format;

        @Mixin
        NetworkOption network;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            List<SectionView> sections = routes(platform).sectionViews(network.code(platform));
            if (format == OutputFormat.JSON) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sections));
                return 0;
            }
            List<String> head = List.of(
                    "from",
                    "to",
                    "from_km",
                    "to_km",
                    "length_km",
                    "tracks",
                    "line_speed_kmh",
                    "gauge_mm",
                    "electrification");
            if (format == OutputFormat.CSV) {
                out.println(Csv.line(head));
            } else {
                out.printf("%-4s %-4s %8s %8s %7s %6s %5s %6s  %s%n", head.toArray());
            }
            for (SectionView s : sections) {
                List<Object> row = List.of(
                        s.from(),
                        s.to(),
                        s.fromKm(),
                        s.toKm(),
                        s.lengthKm(),
                        s.tracks(),
                        s.lineSpeedKmh(),
                        s.gaugeMm(),
                        s.electrification());
                if (format == OutputFormat.CSV) {
                    out.println(Csv.line(row));
                } else {
                    out.printf(Locale.ROOT, "%-4s %-4s %8.1f %8.1f %7.1f %6d %5d %6d  %s%n", row.toArray());
                }
            }
            return 0;
        }
    }

    private static NetworkRoutes routes(Platform platform) {
        return new NetworkRoutes(platform.networks(), platform.nameFolding(), platform.sales()::localCurrency);
    }
}
