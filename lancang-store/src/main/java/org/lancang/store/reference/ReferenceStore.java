package org.lancang.store.reference;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lancang.network.BlockType;
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.KmQuality;
import org.lancang.network.Line;
import org.lancang.network.Names;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.network.Section;
import org.lancang.network.StopDwell;
import org.lancang.network.Structure;
import org.lancang.network.StructureKind;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.Car;
import org.lancang.rollingstock.CarKind;
import org.lancang.rollingstock.RollingStock;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;
import org.lancang.rollingstock.TimetableSupplements;
import org.lancang.rollingstock.Traction;
import org.lancang.rollingstock.TractionPoint;
import org.lancang.rollingstock.TrainCategory;
import org.lancang.rollingstock.TrainType;

/** Persists the network and rolling stock, and reads them back as the core's values. */
public final class ReferenceStore {
    private final Jdbi jdbi;

    public ReferenceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM network_point")
                        .mapTo(Long.class)
                        .one())
                == 0;
    }

    /** Writes the whole reference data set in one transaction. */
    public void save(ReferenceData data) {
        jdbi.useTransaction(h -> {
            saveNetwork(h, data.network());
            saveRollingStock(h, data.rollingStock());
        });
    }

    /**
     * The network and rolling stock as stored, described by {@code described} (the network read from its files): its
     * profile, countries and borders are data files read at every start, as the fares are; its points, sections and
     * structures come from the database.
     */
    public ReferenceData load(Network described) {
        return jdbi.inTransaction(h -> new ReferenceData(loadNetwork(h, described), loadRollingStock(h)));
    }

    /**
     * As {@link #load(Network)}, with each section's gauge and electrification and each train type's gauge and
     * traction taken from {@code described} (the files, read at every start as the profile is).
     */
    public ReferenceData load(ReferenceData described) {
        ReferenceData stored = load(described.network());
        Map<String, Section> power = new HashMap<>();
        described.network().sections().forEach(s -> power.put(s.from() + "→" + s.to(), s));
        List<Section> sections = stored.network().sections().stream()
                .map(s -> {
                    Section files = power.get(s.from() + "→" + s.to());
                    if (files == null) {
                        throw new IllegalStateException("the stored section " + s.from() + "–" + s.to()
                                + " is not in the network's sections.csv");
                    }
                    return s.withPowerOf(files);
                })
                .toList();
        List<TrainType> types = stored.rollingStock().types().stream()
                .map(t -> t.withRunningGearOf(described
                        .rollingStock()
                        .type(t.code())
                        .orElseThrow(() -> new IllegalStateException(
                                "the stored train type " + t.code() + " is not in the train-types.csv"))))
                .toList();
        Network n = stored.network();
        return new ReferenceData(n.withSections(sections), new RollingStock(types));
    }

    private static Country country(Network described, String code) {
        return described
                .country(code)
                .orElseThrow(() -> new IllegalStateException("the stored network names country " + code
                        + ", which the network's countries.csv does not list"));
    }

    /**
     * Brings the stored points' names up to the reference files' (names only: what a reader sees and searches; every
     * other figure stays as stored). Returns how many points changed. A database loaded before the names were
     * completed gets them on the next start.
     */
    public int refreshNames(Network fromFiles) {
        return jdbi.inTransaction(h -> {
            int changed = 0;
            for (Point p : fromFiles.points()) {
                changed += h.createUpdate("UPDATE network_point SET name_en = :en, name_zh = :zh, name_lo = :lo,"
                                + " name_pinyin = :pinyin, names_more = :more WHERE code = :code AND (name_en, name_zh,"
                                + " name_lo, name_pinyin, names_more) IS DISTINCT FROM (:en, :zh, :lo, :pinyin, :more)")
                        .bind("code", p.code())
                        .bind("more", moreNames(p.names()))
                        .bind("en", p.names().en())
                        .bind("zh", p.names().zh())
                        .bind("lo", p.names().lo())
                        .bind("pinyin", p.names().pinyin())
                        .execute();
            }
            return changed;
        });
    }

    /** Names in more languages as stored: one "language TAB name" per line. */
    static String moreNames(Names names) {
        StringBuilder text = new StringBuilder();
        names.more()
                .forEach((language, name) ->
                        text.append(language).append('\t').append(name).append('\n'));
        return text.toString();
    }

    static Map<String, String> moreNames(String text) {
        Map<String, String> more = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                more.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return more;
    }

    private static void saveNetwork(Handle h, Network network) {
        PreparedBatch points = h.prepareBatch(
                "INSERT INTO network_point (seq, code, name_en, name_zh, name_lo, name_pinyin, names_more, country,"
                        + " km, km_quality, kind, time_zone, station_tracks, useful_length_m, tracks_basis, elevation_m,"
                        + " elevation_basis, usual_dwell_ms, border_first_dwell_ms, border_second_dwell_ms, dwell_basis,"
                        + " source, assumed, line) VALUES (:seq, :code, :en, :zh, :lo, :pinyin, :more, :country, :km, :kmQuality,"
                        + " :kind, :zone, :tracks, :useful, :tracksBasis, :elevation, :elevationBasis, :usualDwell,"
                        + " :firstBorder, :secondBorder, :dwellBasis, :source, :assumed, :line)");
        int seq = 0;
        for (Point p : network.points()) {
            points.bind("seq", seq++)
                    .bind("code", p.code())
                    .bind("en", p.names().en())
                    .bind("zh", p.names().zh())
                    .bind("lo", p.names().lo())
                    .bind("pinyin", p.names().pinyin())
                    .bind("more", moreNames(p.names()))
                    .bind("country", p.country().code())
                    .bind("km", p.km())
                    .bind("kmQuality", p.kmQuality().name())
                    .bind("kind", p.kind().name())
                    .bind("zone", p.timeZone().getId())
                    .bind("tracks", p.stationTracks())
                    .bind("useful", p.usefulLengthM())
                    .bind("tracksBasis", p.tracksBasis())
                    .bind("elevation", p.elevationM())
                    .bind("elevationBasis", p.elevationBasis())
                    .bind("usualDwell", p.dwell().usual().toMillis())
                    .bind("firstBorder", p.dwell().firstBorder().toMillis())
                    .bind("secondBorder", p.dwell().secondBorder().toMillis())
                    .bind("dwellBasis", p.dwell().basis())
                    .bind("source", p.source())
                    .bind("assumed", p.assumed())
                    .bind("line", StoredLines.homeLine(network, p))
                    .add();
        }
        points.execute();
        PreparedBatch sections = h.prepareBatch("INSERT INTO network_section (seq, from_code, to_code, tracks,"
                + " line_speed_kmh, loco_hauled_speed_kmh, block, gradient_permille, gradient_basis,"
                + " speed_limit_kmh, speed_limit_basis, source, line) VALUES (:seq, :from, :to, :tracks, :speed,"
                + " :locoSpeed, :block, :gradient, :gradientBasis, :limit, :limitBasis, :source, :line)");
        seq = 0;
        for (Line l : network.lines()) {
            for (Section s : l.sections()) {
                sections.bind("seq", seq++)
                        .bind("line", l.code())
                        .bind("from", s.from())
                        .bind("to", s.to())
                        .bind("tracks", s.tracks())
                        .bind("speed", s.lineSpeedKmh())
                        .bind("locoSpeed", s.locoHauledSpeedKmh())
                        .bind("block", s.block().name())
                        .bind("gradient", s.gradientPermille())
                        .bind("gradientBasis", s.gradientBasis())
                        .bind("limit", s.speedLimitKmh())
                        .bind("limitBasis", s.speedLimitBasis())
                        .bind("source", s.source())
                        .add();
            }
        }
        sections.execute();
        PreparedBatch structures = h.prepareBatch("INSERT INTO network_structure (seq, name_en, name_zh, name_lo, kind,"
                + " km_from, km_to, length_m, country, km_quality, source, line) VALUES (:seq, :en, :zh, :lo, :kind,"
                + " :from, :to, :length, :country, :kmQuality, :source, :line)");
        seq = 0;
        for (Line l : network.lines()) {
            for (Structure s : l.structures()) {
                structures
                        .bind("seq", seq++)
                        .bind("line", l.code())
                        .bind("en", s.names().en())
                        .bind("zh", s.names().zh())
                        .bind("lo", s.names().lo())
                        .bind("kind", s.kind().name())
                        .bind("from", s.fromKm())
                        .bind("to", s.toKm())
                        .bind("length", s.lengthM())
                        .bind("country", s.country().code())
                        .bind("kmQuality", s.kmQuality().name())
                        .bind("source", s.source())
                        .add();
            }
        }
        if (!network.structures().isEmpty()) {
            structures.execute();
        }
        StoredLines.save(h, network);
    }

    private static Network loadNetwork(Handle h, Network described) {
        List<Point> points = h.createQuery("SELECT * FROM network_point ORDER BY seq")
                .map((rs, ctx) -> new Point(
                        rs.getString("code"),
                        new Names(
                                rs.getString("name_en"),
                                rs.getString("name_zh"),
                                rs.getString("name_lo"),
                                rs.getString("name_pinyin"),
                                moreNames(rs.getString("names_more"))),
                        country(described, rs.getString("country")),
                        rs.getDouble("km"),
                        KmQuality.valueOf(rs.getString("km_quality")),
                        PointKind.valueOf(rs.getString("kind")),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getInt("station_tracks"),
                        rs.getInt("useful_length_m"),
                        rs.getString("tracks_basis"),
                        rs.getDouble("elevation_m"),
                        rs.getString("elevation_basis"),
                        new StopDwell(
                                Duration.ofMillis(rs.getLong("usual_dwell_ms")),
                                Duration.ofMillis(rs.getLong("border_first_dwell_ms")),
                                Duration.ofMillis(rs.getLong("border_second_dwell_ms")),
                                rs.getString("dwell_basis")),
                        rs.getString("source"),
                        rs.getBoolean("assumed")))
                .list();
        Map<String, String> home = new HashMap<>();
        h.createQuery("SELECT code, line FROM network_point")
                .map((rs, ctx) -> home.put(rs.getString("code"), rs.getString("line")))
                .list();
        List<StoredLines.Stored> lines = StoredLines.lines(h);
        boolean oneLine = lines.size() <= 1;
        Map<String, List<Point>> linePoints = oneLine ? Map.of("", points) : StoredLines.points(h, lines, points, home);
        Map<String, Double> km = new HashMap<>();
        linePoints.forEach((line, list) -> list.forEach(p -> km.put(line + " " + p.code(), p.km())));
        Map<String, List<Section>> lineSections = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM network_section ORDER BY seq")
                .map((rs, ctx) -> {
                    String line = oneLine ? "" : rs.getString("line");
                    Section s = new Section(
                            rs.getString("from_code"),
                            rs.getString("to_code"),
                            km.get(line + " " + rs.getString("from_code")),
                            km.get(line + " " + rs.getString("to_code")),
                            rs.getInt("tracks"),
                            rs.getInt("line_speed_kmh"),
                            rs.getInt("loco_hauled_speed_kmh"),
                            BlockType.valueOf(rs.getString("block")),
                            rs.getDouble("gradient_permille"),
                            rs.getString("gradient_basis"),
                            rs.getInt("speed_limit_kmh"),
                            rs.getString("speed_limit_basis"),
                            rs.getString("source"),
                            0,
                            Section.NOT_ELECTRIFIED,
                            "not stored: read from sections.csv at every start");
                    lineSections.computeIfAbsent(line, c -> new ArrayList<>()).add(s);
                    return s;
                })
                .list();
        Map<String, List<Structure>> lineStructures = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM network_structure ORDER BY seq")
                .map((rs, ctx) -> {
                    Structure s = new Structure(
                            new Names(rs.getString("name_en"), rs.getString("name_zh"), rs.getString("name_lo")),
                            StructureKind.valueOf(rs.getString("kind")),
                            rs.getDouble("km_from"),
                            rs.getDouble("km_to"),
                            rs.getDouble("length_m"),
                            country(described, rs.getString("country")),
                            KmQuality.valueOf(rs.getString("km_quality")),
                            rs.getString("source"));
                    lineStructures
                            .computeIfAbsent(oneLine ? "" : rs.getString("line"), c -> new ArrayList<>())
                            .add(s);
                    return s;
                })
                .list();
        Map<String, Point> byCode = new LinkedHashMap<>();
        points.forEach(p -> byCode.put(p.code(), p));
        List<Border> borders = described.borders().stream()
                .filter(b -> byCode.containsKey(b.point().code()))
                .map(b -> new Border(
                        byCode.get(b.point().code()),
                        b.before(),
                        byCode.getOrDefault(b.beforeControl().code(), b.beforeControl()),
                        b.after(),
                        byCode.getOrDefault(b.afterControl().code(), b.afterControl()),
                        byCode.getOrDefault(b.beforeFareEnd().code(), b.beforeFareEnd()),
                        byCode.getOrDefault(b.afterFareStart().code(), b.afterFareStart()),
                        b.source()))
                .toList();
        if (oneLine) {
            return new Network(
                    described.profile(),
                    borders,
                    points,
                    lineSections.getOrDefault("", List.of()),
                    lineStructures.getOrDefault("", List.of()));
        }
        List<Line> rebuilt = lines.stream()
                .map(l -> new Line(
                        l.code(),
                        l.names(),
                        l.rising(),
                        l.falling(),
                        linePoints.get(l.code()),
                        lineSections.getOrDefault(l.code(), List.of()),
                        lineStructures.getOrDefault(l.code(), List.of()),
                        l.source()))
                .toList();
        return new Network(described.profile(), borders, points, rebuilt);
    }

    private static void saveRollingStock(Handle h, RollingStock stock) {
        PreparedBatch types = h.prepareBatch("INSERT INTO train_type (seq, code, name, category, consist, mass_t,"
                + " rotating_mass_factor, length_m, max_speed_kmh, davis_a_kn, davis_b_kn_per_kmh, davis_c_kn_per_kmh2,"
                + " braking_mps2, max_power_kw, start_supplement_s, stop_supplement_s, allowance_percent,"
                + " running_time_basis, source, assumptions) VALUES (:seq, :code, :name, :category, :consist,"
                + " :mass, :rotating, :length, :maxSpeed, :a, :b, :c, :braking, :power, :startSupplement,"
                + " :stopSupplement, :allowance, :runningTimeBasis, :source, :assumptions)");
        PreparedBatch curve = h.prepareBatch("INSERT INTO traction_point (train_type, seq, speed_kmh, effort_kn)"
                + " VALUES (:type, :seq, :speed, :effort)");
        PreparedBatch cars = h.prepareBatch("INSERT INTO train_car (train_type, car, kind, seat_class, source)"
                + " VALUES (:type, :car, :kind, :seatClass, :source)");
        PreparedBatch seats =
                h.prepareBatch("INSERT INTO train_seat (train_type, car, seq, number, seat_class, position)"
                        + " VALUES (:type, :car, :seq, :number, :seatClass, :position)");
        int seq = 0;
        for (TrainType t : stock.types()) {
            types.bind("seq", seq++)
                    .bind("code", t.code())
                    .bind("name", t.name())
                    .bind("category", t.category().name())
                    .bind("consist", t.consist())
                    .bind("mass", t.massT())
                    .bind("rotating", t.rotatingMassFactor())
                    .bind("length", t.lengthM())
                    .bind("maxSpeed", t.maxSpeedKmh())
                    .bind("a", t.davisAKn())
                    .bind("b", t.davisBKnPerKmh())
                    .bind("c", t.davisCKnPerKmh2())
                    .bind("braking", t.brakingMps2())
                    .bind("power", t.maxPowerKw())
                    .bind("startSupplement", t.supplements().start().toSeconds())
                    .bind("stopSupplement", t.supplements().stop().toSeconds())
                    .bind("allowance", t.supplements().allowancePercent())
                    .bind("runningTimeBasis", t.supplements().basis())
                    .bind("source", t.source())
                    .bind("assumptions", t.assumptions())
                    .add();
            int i = 0;
            for (TractionPoint p : t.tractionCurve()) {
                curve.bind("type", t.code())
                        .bind("seq", i++)
                        .bind("speed", p.speedKmh())
                        .bind("effort", p.effortKn())
                        .add();
            }
            for (Car c : t.cars()) {
                cars.bind("type", t.code())
                        .bind("car", c.number())
                        .bind("kind", c.kind().name())
                        .bind(
                                "seatClass",
                                c.seatClass() == null ? null : c.seatClass().name())
                        .bind("source", c.source())
                        .add();
                int s = 0;
                for (Seat seat : c.seats()) {
                    seats.bind("type", t.code())
                            .bind("car", c.number())
                            .bind("seq", s++)
                            .bind("number", seat.number())
                            .bind("seatClass", seat.seatClass().name())
                            .bind("position", seat.position().name())
                            .add();
                }
            }
        }
        types.execute();
        curve.execute();
        cars.execute();
        seats.execute();
    }

    private static RollingStock loadRollingStock(Handle h) {
        Map<String, List<TractionPoint>> curves = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM traction_point ORDER BY train_type, seq")
                .map((rs, ctx) -> {
                    curves.computeIfAbsent(rs.getString("train_type"), k -> new ArrayList<>())
                            .add(new TractionPoint(rs.getDouble("speed_kmh"), rs.getDouble("effort_kn")));
                    return null;
                })
                .list();
        Map<String, Map<Integer, List<Seat>>> seats = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM train_seat ORDER BY train_type, car, seq")
                .map((rs, ctx) -> {
                    int car = rs.getInt("car");
                    seats.computeIfAbsent(rs.getString("train_type"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(car, k -> new ArrayList<>())
                            .add(new Seat(
                                    car,
                                    rs.getString("number"),
                                    SeatClass.valueOf(rs.getString("seat_class")),
                                    SeatPosition.valueOf(rs.getString("position"))));
                    return null;
                })
                .list();
        Map<String, List<Car>> cars = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM train_car ORDER BY train_type, car")
                .map((rs, ctx) -> {
                    String type = rs.getString("train_type");
                    int car = rs.getInt("car");
                    String seatClass = rs.getString("seat_class");
                    cars.computeIfAbsent(type, k -> new ArrayList<>())
                            .add(new Car(
                                    car,
                                    CarKind.valueOf(rs.getString("kind")),
                                    seatClass == null ? null : SeatClass.valueOf(seatClass),
                                    seats.getOrDefault(type, Map.of()).getOrDefault(car, List.of()),
                                    rs.getString("source")));
                    return null;
                })
                .list();
        List<TrainType> types = h.createQuery("SELECT * FROM train_type ORDER BY seq")
                .map((rs, ctx) -> {
                    String code = rs.getString("code");
                    return new TrainType(
                            code,
                            rs.getString("name"),
                            TrainCategory.valueOf(rs.getString("category")),
                            rs.getString("consist"),
                            rs.getDouble("mass_t"),
                            rs.getDouble("rotating_mass_factor"),
                            rs.getDouble("length_m"),
                            rs.getInt("max_speed_kmh"),
                            rs.getDouble("davis_a_kn"),
                            rs.getDouble("davis_b_kn_per_kmh"),
                            rs.getDouble("davis_c_kn_per_kmh2"),
                            rs.getDouble("braking_mps2"),
                            rs.getDouble("max_power_kw"),
                            curves.getOrDefault(code, List.of()),
                            cars.getOrDefault(code, List.of()),
                            new TimetableSupplements(
                                    Duration.ofSeconds(rs.getInt("start_supplement_s")),
                                    Duration.ofSeconds(rs.getInt("stop_supplement_s")),
                                    rs.getDouble("allowance_percent"),
                                    rs.getString("running_time_basis")),
                            rs.getString("source"),
                            rs.getString("assumptions"),
                            0,
                            Traction.DIESEL);
                })
                .list();
        return new RollingStock(types);
    }
}
