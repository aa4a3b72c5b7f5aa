package org.lancang.web.network;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.money.Currency;
import org.lancang.network.NameFolding;
import org.lancang.network.Names;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.network.Section;
import org.lancang.network.Structure;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.networks.ServedNetworks;
import org.lancang.web.http.Access;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;

/**
 * Every network served, read-only and public: points, sections, structures, the home network's unless {@code ?network=}
 * names another.
 */
public final class NetworkRoutes {
    /**
     * A name in English, Chinese and Lao, the pinyin of the Chinese name without tones (blank if none), and the name in
     * any more languages the network gives (language code → name, e.g. {@code th}; empty if none).
     */
    public record NamesView(String en, String zh, String lo, String pinyin, Map<String, String> more) {
        public static NamesView of(Names n) {
            return new NamesView(n.en(), n.zh(), n.lo(), n.pinyin(), n.more());
        }
    }

    /**
     * A passenger station as the station search gives it, with the currency its own operator sells in (what a buyer
     * starting there pays in by default).
     */
    public record StationView(
            String code, NamesView names, String country, double km, String timeZone, String currency) {}

    private StationView station(ServedNetwork n, Point p) {
        Optional<Currency> currency =
                n.home() ? localCurrency.apply(p.code()) : n.fares().flatMap(f -> f.localCurrency(p.code()));
        return new StationView(
                p.code(),
                NamesView.of(p.names()),
                p.country().code(),
                p.km(),
                p.timeZone().getId(),
                currency.map(Currency::code).orElse(null));
    }

    /**
     * A point of the network.
     *
     * @param countryNames the names of its country as the network's {@code countries.csv} gives them (both sides'
     *                     at a border point), so a page can name a country, and the zone it keeps, on any network
     * @param countryLanguage the language its country names itself in ({@code countries.csv}'s {@code language}: the
     *                     country's own name is {@code countryNames} in it), blank where the file does not say and at
     *                     a border point
     */
    public record PointView(
            String code,
            NamesView names,
            String country,
            NamesView countryNames,
            String countryLanguage,
            double km,
            String kmQuality,
            String kind,
            String timeZone,
            int stationTracks,
            int usefulLengthM,
            String tracksBasis,
            double elevationM,
            String elevationBasis,
            double usualDwellMinutes,
            double borderFirstDwellMinutes,
            double borderSecondDwellMinutes,
            String dwellBasis,
            String source,
            boolean assumed) {
        static PointView of(Point p) {
            return new PointView(
                    p.code(),
                    NamesView.of(p.names()),
                    p.country().code(),
                    NamesView.of(p.country().names()),
                    p.country().language(),
                    p.km(),
                    p.kmQuality().name().toLowerCase(Locale.ROOT),
                    p.kind().name(),
                    p.timeZone().getId(),
                    p.stationTracks(),
                    p.usefulLengthM(),
                    p.tracksBasis(),
                    p.elevationM(),
                    p.elevationBasis(),
                    minutes(p.dwell().usual()),
                    minutes(p.dwell().firstBorder()),
                    minutes(p.dwell().secondBorder()),
                    p.dwell().basis(),
                    p.source(),
                    p.assumed());
        }

        private static double minutes(Duration d) {
            return d.toMillis() / 60_000.0;
        }
    }

    public record SectionView(
            String from,
            String to,
            double fromKm,
            double toKm,
            double lengthKm,
            int tracks,
            int lineSpeedKmh,
            int locoHauledSpeedKmh,
            String block,
            double gradientPermille,
            String gradientBasis,
            Integer speedLimitKmh,
            String speedLimitBasis,
            String source,
            int gaugeMm,
            String electrification,
            String powerBasis) {
        static SectionView of(Section s) {
            return new SectionView(
                    s.from(),
                    s.to(),
                    s.fromKm(),
                    s.toKm(),
                    round3(s.lengthKm()),
                    s.tracks(),
                    s.lineSpeedKmh(),
                    s.locoHauledSpeedKmh(),
                    s.block().name(),
                    s.gradientPermille(),
                    s.gradientBasis(),
                    s.speedLimitKmh() > 0 ? s.speedLimitKmh() : null,
                    s.speedLimitBasis(),
                    s.source(),
                    s.gaugeMm(),
                    s.electrification(),
                    s.powerBasis());
        }
    }

    public record StructureView(
            NamesView name,
            String kind,
            double fromKm,
            double toKm,
            double lengthM,
            String country,
            String kmQuality,
            String source) {
        static StructureView of(Structure s) {
            return new StructureView(
                    NamesView.of(s.names()),
                    s.kind().name(),
                    s.fromKm(),
                    s.toKm(),
                    s.lengthM(),
                    s.country().code(),
                    s.kmQuality().name().toLowerCase(Locale.ROOT),
                    s.source());
        }
    }

    /** One network as these endpoints answer it, made once: the views never change while the server runs. */
    private record Shown(
            List<PointView> points,
            List<PointView> allPoints,
            List<SectionView> sections,
            List<SectionView> allSections,
            List<StructureView> structures) {
        static Shown of(Network network) {
            return new Shown(
                    network.referencePoints().stream().map(PointView::of).toList(),
                    network.points().stream().map(PointView::of).toList(),
                    network.referenceSections().stream().map(SectionView::of).toList(),
                    network.sections().stream().map(SectionView::of).toList(),
                    network.structures().stream().map(StructureView::of).toList());
        }
    }

    private static final String NETWORK =
            "network code, e.g. vientiane-bangkok (default the home network; GET /api/networks lists them)";

    private final ServedNetworks networks;
    /** Each network's views by its code, home first. */
    private final Map<String, Shown> shown = new LinkedHashMap<>();

    private final NameFolding folding;
    private final Function<String, Optional<Currency>> localCurrency;

    /**
     * Every network served; {@code localCurrency}: the currency a home station's operator sells in (the fare table
     * knows), for the home network's stations in the station search (another network's come from its own fares).
     */
    public NetworkRoutes(
            ServedNetworks networks, NameFolding folding, Function<String, Optional<Currency>> localCurrency) {
        this.networks = networks;
        this.folding = folding;
        this.localCurrency = localCurrency;
        networks.all().forEach(n -> shown.put(n.code(), Shown.of(n.network())));
    }

    /** The points of a network exactly as the API returns them (the command line prints the same). */
    public List<PointView> pointViews(String networkCode) {
        return shown(networkCode, "network").points();
    }

    /** The sections of a network exactly as the API returns them. */
    public List<SectionView> sectionViews(String networkCode) {
        return shown(networkCode, "network").sections();
    }

    /**
     * The network a request names with {@code ?network=} (home when it names none): an unknown code is a 400 naming
     * {@code field}, as any other malformed query parameter, listing the networks served.
     */
    private Shown shown(String code, String field) {
        return shown.get(networks.named(code, field).code());
    }

    private Shown shown(Context ctx) {
        return shown(Params.of(ctx).network(), "network");
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/network/points")
                        .access(Access.PUBLIC)
                        .tag("network")
                        .summary("Every point of a network in its km order, with names in English, Chinese and Lao"
                                + " (and any more languages it gives)")
                        .query("include", false, "'assumed' to add the passing loops Lancang assumes (not published)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(PointView.class))
                        .handle(ctx -> {
                            Shown n = shown(ctx);
                            ctx.json(includeAssumed(ctx) ? n.allPoints() : n.points());
                        }),
                Endpoint.get("/api/network/points/{code}")
                        .access(Access.PUBLIC)
                        .tag("network")
                        .summary("One point by its code, in any network served (or in the one named)")
                        .pathParam("code", "point code, e.g. LPB")
                        .query("network", false, "only this network's point, e.g. vientiane-bangkok (default: any)")
                        .returns(PointView.class)
                        .handle(ctx -> {
                            String code = ctx.pathParam("code").strip().toUpperCase(Locale.ROOT);
                            Optional<String> named =
                                    Optional.ofNullable(Params.of(ctx).network());
                            Optional<ServedNetwork> in = named.isPresent()
                                    ? Optional.of(networks.named(named.get(), "network"))
                                    : networks.ofPoint(code);
                            ctx.json(in.flatMap(n -> n.network().point(code))
                                    .map(PointView::of)
                                    .orElseThrow(() -> new NotFound(
                                            "code",
                                            "no point with code '" + code + "'"
                                                    + named.map(x -> " in network '" + x + "'")
                                                            .orElse(""))));
                        }),
                Endpoint.get("/api/network/sections")
                        .access(Access.PUBLIC)
                        .tag("network")
                        .summary("A network's sections between consecutive points: tracks, line speeds, block, mean"
                                + " gradient, gauge, electrification")
                        .query("include", false, "'assumed' to split sections at the assumed passing loops")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(SectionView.class))
                        .handle(ctx -> {
                            Shown n = shown(ctx);
                            ctx.json(includeAssumed(ctx) ? n.allSections() : n.sections());
                        }),
                Endpoint.get("/api/network/structures")
                        .access(Access.PUBLIC)
                        .tag("network")
                        .summary("A network's named tunnels and bridges with their km ranges")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(StructureView.class))
                        .handle(ctx -> ctx.json(shown(ctx).structures())),
                Endpoint.get("/api/stations")
                        .access(Access.PUBLIC)
                        .tag("network")
                        .summary("A network's passenger stations whose code or name (English, 中文 simplified or"
                                + " traditional, ລາວ in any spelling, pinyin without tones, and every more language the"
                                + " network gives, such as ไทย) starts with or contains q; those starting with it first,"
                                + " then in km order; every station without q")
                        .query("q", false, "what was typed, up to 80 characters")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(StationView.class))
                        .handle(ctx -> {
                            ServedNetwork n = networks.named(Params.of(ctx).network(), "network");
                            ctx.json(stations(n, Params.of(ctx).text("q").orElse("")));
                        }));
    }

    /** A network's passenger stations matching what was typed, best first. */
    private List<StationView> stations(ServedNetwork n, String q) {
        if (q.length() > 80) {
            throw new InvalidInput("q", "at most 80 characters");
        }
        List<Point> passenger = n.network().referencePoints().stream()
                .filter(p -> p.kind() == PointKind.PASSENGER)
                .toList();
        if (q.isBlank()) {
            return passenger.stream().map(p -> station(n, p)).toList();
        }
        record Ranked(int rank, Point point) {}
        return passenger.stream()
                .flatMap(p -> folding.rank(q, p.names(), p.code()).map(r -> new Ranked(r, p)).stream())
                .sorted(Comparator.comparingInt(Ranked::rank)
                        .thenComparingDouble(r -> r.point().km()))
                .map(r -> station(n, r.point()))
                .toList();
    }

    private static boolean includeAssumed(Context ctx) {
        String include = Params.of(ctx).text("include").orElse(null);
        if (include == null) {
            return false;
        }
        if (!include.equals("assumed")) {
            throw new InvalidInput("include", "'" + include + "' is not 'assumed'");
        }
        return true;
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
