package org.lancang.web.timetable;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.LegSupplements;
import org.lancang.timetable.LinePath;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.RunningTimes;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TrainRun;
import org.lancang.web.http.Access;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Params;
import org.lancang.web.network.NetworkRoutes.NamesView;

/**
 * Running times for anyone: {@code GET /api/runtime?type=CR200J&from=VTE&to=BTN&stops=…}. By default the times a
 * timetable would show (each stop's usual dwell, the type's allowance and start and stop supplements); with
 * {@code minimum=true} the bare physics.
 */
public final class RuntimeRoutes {
    public record PointTimeView(
            String point,
            NamesView name,
            double km,
            String arrival,
            String departure,
            long arrivalSeconds,
            long departureSeconds,
            boolean stops) {}

    public record ProfileView(double positionM, double speedKmh, double timeS) {}

    /**
     * @param minimum                whether these are the bare physics (no allowance, no supplements)
     * @param minimumRunningTime     the bare physics' time with the same dwells
     * @param allowancePercent       the allowance applied
     * @param startSupplementSeconds added each time the train leaves a stop (0 for the minimum)
     * @param stopSupplementSeconds  added each time it comes to one
     */
    public record RuntimeView(
            String trainType,
            String from,
            String to,
            boolean minimum,
            String runningTime,
            long runningTimeSeconds,
            String minimumRunningTime,
            double allowancePercent,
            long startSupplementSeconds,
            long stopSupplementSeconds,
            List<PointTimeView> points,
            List<ProfileView> profile) {}

    /** [LINE:]FROMKM-TOKM:KMH; a line code starts with a letter. */
    private static final Pattern RESTRICTION =
            Pattern.compile("(?:([A-Za-z][A-Za-z0-9_-]*):)?(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?):(-?\\d+)");

    private final ReferenceData home;
    private final Function<String, Optional<ReferenceData>> networkOfPoint;

    /**
     * @param home           the network asked when no network has the origin point (which it then refuses, naming
     *                       {@code from})
     * @param networkOfPoint the reference data of the network that has a point, if one has
     */
    public RuntimeRoutes(ReferenceData home, Function<String, Optional<ReferenceData>> networkOfPoint) {
        this.home = home;
        this.networkOfPoint = networkOfPoint;
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/runtime")
                .access(Access.PUBLIC)
                .tag("runtime")
                .summary("Running time of a train type between two points with stops: the times a timetable would show,"
                        + " or the bare physics")
                .query(
                        "type",
                        true,
                        "train type: CR200J, HXD3C_25G, FREIGHT (or one of another network, e.g. SRT_RAPID)")
                .query("from", true, "origin point code (in any network served; the network is the one that has it)")
                .query("to", true, "destination point code, on the origin's network")
                .query("stops", false, "comma-separated stop codes, e.g. PHH,VVG,LPB")
                .query("dwell", false, "dwell at every stop, e.g. 3m or 90s (default: each stop's usual dwell)")
                .query("allowance", false, "allowance in percent (default: the train type's)")
                .query("minimum", false, "true for the bare physics: no allowance, no supplements (default false)")
                .query(
                        "restrictions",
                        false,
                        "temporary speed restrictions [LINE:]FROMKM-TOKM:KMH, comma-separated, e.g. 778.5-780:45 or"
                                + " NK:600-601:80; the km are on the line named, or, without one, on the line the run"
                                + " is on there (a 400 naming restrictions[i].line when the range is on two of its"
                                + " lines, or the line is not the network's)")
                .returns(RuntimeView.class)
                .handle(this::runtime));
    }

    private void runtime(Context ctx) {
        Params params = Params.of(ctx);
        String type = params.required("type");
        String from = params.required("from");
        String to = params.required("to");
        Duration dwell = params.text("dwell").map(d -> parseDwell("dwell", d)).orElse(null);
        Double allowance =
                params.text("allowance").map(a -> parsePercent("allowance", a)).orElse(null);
        ctx.json(compute(
                networkOfPoint.apply(from).orElse(home),
                networkOfPoint,
                type,
                from,
                to,
                params.text("stops").orElse(null),
                dwell,
                allowance,
                parseRestrictions(params.text("restrictions").orElse(null)),
                parseBoolean("minimum", params.text("minimum").orElse(null)),
                true));
    }

    private static boolean parseBoolean(String field, String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInput(field, "'" + text + "' is not true or false");
    }

    /**
     * The computation behind both {@code GET /api/runtime} and {@code lancang runtime}.
     *
     * @param reference        the network of the origin
     * @param networkOfPoint   the network that has a point, if one has: a destination on another network than the
     *                         origin's is refused naming both (a running time is along one network's lines)
     * @param dwell            the dwell at every stop, or null for each stop's usual dwell (with the border
     *                         formalities of a cross-border journey)
     * @param allowancePercent the allowance, or null for the train type's (none when {@code minimum})
     * @param minimum          the bare physics: no allowance, no supplements
     */
    public static RuntimeView compute(
            ReferenceData reference,
            Function<String, Optional<ReferenceData>> networkOfPoint,
            String typeCode,
            String from,
            String to,
            String stops,
            Duration dwell,
            Double allowancePercent,
            List<SpeedRestriction.Asked> restrictions,
            boolean minimum,
            boolean withProfile) {
        String origin = from.strip().toUpperCase(Locale.ROOT);
        String destination = to.strip().toUpperCase(Locale.ROOT);
        // the points first: an origin no network has falls back to home's data, whose types would then refuse a
        // type of the network the caller meant, blaming type for a mistyped from
        requireOneNetwork(reference.network(), origin, destination, networkOfPoint);
        LinePath path = LinePath.between(reference.network(), origin, destination);
        TrainType type = reference
                .rollingStock()
                .type(typeCode)
                .orElseThrow(() -> new InvalidInput(
                        "type",
                        "'" + typeCode + "' is not a train type; known: "
                                + reference.rollingStock().types().stream()
                                        .map(TrainType::code)
                                        .toList()));
        List<String> codes = new ArrayList<>();
        if (stops != null && !stops.isBlank()) {
            for (String code : stops.split(",")) {
                codes.add(code.strip().toUpperCase(Locale.ROOT));
            }
        }
        List<StopRequest> stopList = dwell == null
                ? RunningTimes.usualStops(reference.network(), origin, destination, codes)
                : codes.stream().map(c -> new StopRequest(c, dwell)).toList();
        double allowance = minimum
                ? 0
                : allowancePercent != null
                        ? allowancePercent
                        : type.supplements().allowancePercent();
        LegSupplements supplements = minimum ? LegSupplements.none() : RunningTimes.supplements(type);
        TrainRun run;
        try {
            List<SpeedRestriction> placed = new ArrayList<>();
            for (int i = 0; i < restrictions.size(); i++) {
                placed.add(restrictions.get(i).alongRun(path, "restrictions[" + i + "]"));
            }
            run = RunningTimes.compute(
                    path, type, stopList, placed, RunningTimes.allowance(allowance), supplements, null);
        } catch (InvalidInput e) {
            // the core names the train type trainType; this endpoint's parameter is type (a gauge, no wires, a
            // gradient it cannot climb)
            throw new InvalidInput(e.errors().stream()
                    .map(f -> f.field().equals("trainType") ? new FieldError("type", f.message(), f.code()) : f)
                    .toList());
        }
        List<PointTimeView> points = new ArrayList<>();
        for (PointTime t : run.times()) {
            points.add(new PointTimeView(
                    t.point().code(),
                    NamesView.of(t.point().names()),
                    t.point().km(),
                    clock(t.arrival()),
                    clock(t.departure()),
                    t.arrival().toSeconds(),
                    t.departure().toSeconds(),
                    t.stops()));
        }
        List<ProfileView> profile = withProfile
                ? run.physics().profile().stream()
                        .map(p -> new ProfileView(round(p.positionM()), round(p.speedMps() * 3.6), round(p.timeS())))
                        .toList()
                : List.of();
        return new RuntimeView(
                type.code(),
                run.path().origin().code(),
                run.path().destination().code(),
                minimum,
                clock(run.runningTime()),
                run.runningTime().toSeconds(),
                clock(run.physics().minimumTotalRunningTime()),
                allowance,
                Math.round(supplements.startS()),
                Math.round(supplements.stopS()),
                points,
                profile);
    }

    /**
     * Refuses, naming {@code to}, a destination that is not on the origin's network but on another one served: the
     * plain "not a point of the line" would leave the caller wondering which line.
     */
    private static void requireOneNetwork(
            Network network,
            String origin,
            String destination,
            Function<String, Optional<ReferenceData>> networkOfPoint) {
        if (network.indexOf(origin) < 0 || network.indexOf(destination) >= 0) {
            return;
        }
        Optional<String> other = networkOfPoint
                .apply(destination)
                .map(r -> r.network().code())
                .filter(code -> !code.equals(network.code()));
        if (other.isPresent()) {
            throw new InvalidInput(
                    "to",
                    "'" + destination + "' is not a point of " + network.code() + " (the network of from '" + origin
                            + "'); it is on " + other.get() + ": running times are per network");
        }
    }

    /**
     * "778.5-780:45,NK:600-601:80": km ranges with their speed, each optionally after the code of the line its km are
     * on and a colon; without one, the line the run is on there ({@link SpeedRestriction#alongRun}). Each malformed one
     * is named by its index; a line the network does not have is refused by the running-time checks.
     */
    public static List<SpeedRestriction.Asked> parseRestrictions(String text) {
        List<SpeedRestriction.Asked> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String[] items = text.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            Matcher m = RESTRICTION.matcher(item);
            if (!m.matches()) {
                throw new InvalidInput(
                        "restrictions[" + i + "]",
                        "'" + item + "' is not [LINE:]FROMKM-TOKM:KMH such as 778.5-780:45 or NK:600-601:80");
            }
            double a = Double.parseDouble(m.group(2));
            double b = Double.parseDouble(m.group(3));
            int speed = Integer.parseInt(m.group(4));
            if (!(b > a)) {
                throw new InvalidInput("restrictions[" + i + "].toKm", "must be greater than the from km");
            }
            if (speed <= 0) {
                throw new InvalidInput("restrictions[" + i + "].speedKmh", "must be positive");
            }
            out.add(new SpeedRestriction.Asked(a, b, speed, m.group(1)));
        }
        return out;
    }

    /** "3m", "90s", "1h" or a plain number of minutes. */
    public static Duration parseDwell(String field, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofMinutes(Long.parseLong(t.endsWith("m") ? t.substring(0, t.length() - 1) : t));
            }
            if (d.isNegative()) {
                throw new InvalidInput(field, "must not be negative");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "'" + text + "' is not a duration such as 3m, 90s or 1h");
        }
    }

    public static double parsePercent(String field, String text) {
        if (text == null) {
            return 0;
        }
        try {
            double p = Double.parseDouble(text.strip().replace("%", ""));
            if (!(p >= 0 && p <= 50)) {
                throw new InvalidInput(field, "must be between 0 and 50 (percent)");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "'" + text + "' is not a number");
        }
    }

    /** A duration as H:MM:SS. */
    public static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
