package org.lancang.web.timetable;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lancang.errors.InvalidInput;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.Allowance;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.RunningTimes;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TrainRun;
import org.lancang.web.http.Access;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Params;
import org.lancang.web.network.NetworkRoutes.NamesView;

/** Minimum running times from the physics, for anyone: {@code GET /api/runtime?type=CR200J&from=VTE&to=BTN&stops=…}. */
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

    public record RuntimeView(
            String trainType,
            String from,
            String to,
            String runningTime,
            long runningTimeSeconds,
            String minimumRunningTime,
            List<PointTimeView> points,
            List<ProfileView> profile) {}

    private final ReferenceData reference;

    public RuntimeRoutes(ReferenceData reference) {
        this.reference = reference;
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/runtime")
                .access(Access.PUBLIC)
                .tag("runtime")
                .summary("Running time of a train type between two points with stops, from the physics")
                .query("type", true, "train type: CR200J, HXD3C_25G, FREIGHT")
                .query("from", true, "origin point code")
                .query("to", true, "destination point code")
                .query("stops", false, "comma-separated stop codes, e.g. PHH,VVG,LPB")
                .query("dwell", false, "dwell at each stop, e.g. 3m or 90s (default 2m)")
                .query("allowance", false, "allowance in percent (default 0)")
                .query(
                        "restrictions",
                        false,
                        "temporary speed restrictions FROMKM-TOKM:KMH, comma-separated, e.g. 778.5-780:45")
                .returns(RuntimeView.class)
                .handle(this::runtime));
    }

    private void runtime(Context ctx) {
        Params params = Params.of(ctx);
        String type = params.required("type");
        String from = params.required("from");
        String to = params.required("to");
        Duration dwell = parseDwell("dwell", params.text("dwell").orElse("2m"));
        double allowance = parsePercent("allowance", params.text("allowance").orElse(null));
        ctx.json(compute(
                reference,
                type,
                from,
                to,
                params.text("stops").orElse(null),
                dwell,
                allowance,
                parseRestrictions(params.text("restrictions").orElse(null)),
                true));
    }

    /** The computation behind both {@code GET /api/runtime} and {@code lancang runtime}. */
    public static RuntimeView compute(
            ReferenceData reference,
            String typeCode,
            String from,
            String to,
            String stops,
            Duration dwell,
            double allowancePercent,
            List<SpeedRestriction> restrictions,
            boolean withProfile) {
        TrainType type = reference
                .rollingStock()
                .type(typeCode)
                .orElseThrow(() -> new InvalidInput(
                        "type",
                        "'" + typeCode + "' is not a train type; known: "
                                + reference.rollingStock().types().stream()
                                        .map(TrainType::code)
                                        .toList()));
        List<StopRequest> stopList = new ArrayList<>();
        if (stops != null && !stops.isBlank()) {
            for (String code : stops.split(",")) {
                stopList.add(new StopRequest(code.strip().toUpperCase(Locale.ROOT), dwell));
            }
        }
        TrainRun run = RunningTimes.compute(
                reference.network(),
                type,
                from.strip().toUpperCase(Locale.ROOT),
                to.strip().toUpperCase(Locale.ROOT),
                stopList,
                restrictions,
                allowancePercent == 0 ? Allowance.none() : Allowance.percent(allowancePercent));
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
                clock(run.runningTime()),
                run.runningTime().toSeconds(),
                clock(run.physics().minimumTotalRunningTime()),
                points,
                profile);
    }

    /** "778.5-780:45,600-601:80": km ranges with their speed; each malformed one is named by its index. */
    public static List<SpeedRestriction> parseRestrictions(String text) {
        List<SpeedRestriction> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String[] items = text.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?):(-?\\d+)")
                    .matcher(item);
            if (!m.matches()) {
                throw new InvalidInput(
                        "restrictions[" + i + "]", "'" + item + "' is not FROMKM-TOKM:KMH such as 778.5-780:45");
            }
            double a = Double.parseDouble(m.group(1));
            double b = Double.parseDouble(m.group(2));
            int speed = Integer.parseInt(m.group(3));
            if (!(b > a)) {
                throw new InvalidInput("restrictions[" + i + "].toKm", "must be greater than the from km");
            }
            if (speed <= 0) {
                throw new InvalidInput("restrictions[" + i + "].speedKmh", "must be positive");
            }
            out.add(new SpeedRestriction(a, b, speed));
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
