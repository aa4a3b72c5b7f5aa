package org.lancang.maintenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.network.Section;
import org.lancang.network.Structure;
import org.lancang.network.StructureKind;

/**
 * Builds the initial asset register from the network. The choices (documented on {@link AssetRegister#generate}):
 * one track asset per section and one overhead-line asset per electrified section (its system as the section's data
 * names it; none where the line is not electrified); one asset per named structure, split at the border; one station
 * asset per station or passing loop, with two turnouts per loop track beyond the main line(s).
 */
final class AssetGenerator {
    static final int TURNOUTS_PER_LOOP_TRACK = 2;

    private final boolean severalLines;
    private final List<Asset> out = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private LineGeometry line;

    private AssetGenerator(Network network) {
        this.severalLines = network.lines().size() > 1;
    }

    /** Line by line, each on its own km: a point is placed where a line reaches it first (a junction once). */
    static List<Asset> generate(Network network) {
        AssetGenerator g = new AssetGenerator(network);
        for (Line l : network.lines()) {
            g.line = new LineGeometry(network, l);
            l.sections().forEach(g::section);
            l.structures().forEach(g::structure);
            List<Point> points = l.points();
            for (int i = 0; i < points.size(); i++) {
                if (!g.ids.contains(stationId(points.get(i)))) {
                    g.station(points.get(i), i == 0, i == points.size() - 1);
                }
            }
        }
        return List.copyOf(g.out);
    }

    private static String stationId(Point p) {
        return "STN-" + p.code();
    }

    private void section(Section s) {
        String name = pointName(s.from()) + " – " + pointName(s.to());
        Map<String, String> common = new LinkedHashMap<>();
        common.put("from", s.from());
        common.put("to", s.to());
        common.put("tracks", String.valueOf(s.tracks()));
        common.put("lengthKm", String.valueOf(s.lengthKm()));

        Map<String, String> track = new LinkedHashMap<>(common);
        track.put("lineSpeedKmh", String.valueOf(s.lineSpeedKmh()));
        track.put("locoHauledSpeedKmh", String.valueOf(s.locoHauledSpeedKmh()));
        track.put("block", s.block().name());
        track.put("gaugeMm", String.valueOf(s.gaugeMm()));
        add("TRK-" + s.from() + "-" + s.to(), AssetType.TRACK, "Track " + name, s.fromKm(), s.toKm(), track);

        if (!s.electrified()) {
            return; // no overhead line to maintain
        }
        Map<String, String> ohl = new LinkedHashMap<>(common);
        ohl.put("system", s.electrification());
        add(
                "OHL-" + s.from() + "-" + s.to(),
                AssetType.OVERHEAD_LINE,
                "Overhead line " + name,
                s.fromKm(),
                s.toKm(),
                ohl);
    }

    /** A structure across the border becomes two assets, one per operator (the Friendship Tunnel: 7.17 km CN, 2.42 km LA). */
    private void structure(Structure s) {
        AssetType type = s.kind() == StructureKind.TUNNEL ? AssetType.TUNNEL : AssetType.BRIDGE;
        Point near = nearestReferencePoint((s.fromKm() + s.toKm()) / 2);
        String word = AssetIds.structureWord(s.names().en(), near.names().en());
        String base = (type == AssetType.TUNNEL ? "TUN-" : "BRG-")
                + near.code()
                + (word.isEmpty() ? "-K" + AssetIds.slug(LineGeometry.fmt(s.fromKm())) : "-" + word);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("structure", s.names().en());
        putIfPresent(attributes, "nameZh", s.names().zh());
        putIfPresent(attributes, "nameLo", s.names().lo());
        attributes.put("structureKm", LineGeometry.fmt(s.fromKm()) + "–" + LineGeometry.fmt(s.toKm()));
        attributes.put("structureLengthM", String.valueOf(s.lengthM()));
        attributes.put("kmQuality", s.kmQuality().name());
        putIfPresent(attributes, "source", s.source());
        Optional<Border> crossed = line.borderIn(s.fromKm(), s.toKm());
        if (crossed.isPresent()) {
            Border b = crossed.get();
            add(
                    unique(base + "-" + b.before().code()),
                    type,
                    s.names().en() + " (" + b.before().names().en() + " part)",
                    s.fromKm(),
                    line.kmOf(b),
                    attributes);
            add(
                    unique(base + "-" + b.after().code()),
                    type,
                    s.names().en() + " (" + b.after().names().en() + " part)",
                    line.kmOf(b),
                    s.toKm(),
                    attributes);
        } else {
            add(unique(base), type, s.names().en(), s.fromKm(), s.toKm(), attributes);
        }
    }

    /**
     * A station spans its useful length centred on its km (the real layout is unknown), kept on the line and on its own
     * side of the border. Its turnouts are assumed: two per loop track beyond the main line(s), one at each throat, odd
     * numbers at the low-km throat and even at the high-km one; a terminus has all of them at the throat facing the line.
     */
    private void station(Point p, boolean first, boolean last) {
        if (p.kind() == PointKind.BORDER) {
            return;
        }
        double half = p.usefulLengthM() / 2000.0;
        double lo = Math.max(line.startKm(), toMetre(p.km() - half));
        double hi = Math.min(line.endKm(), toMetre(p.km() + half));
        double[] extent = line.countryExtentAround(p.km());
        lo = Math.max(lo, extent[0]);
        hi = Math.min(hi, extent[1]);
        int mainTracks = line.mainTracksAt(p);
        int loopTracks = Math.max(0, p.stationTracks() - mainTracks);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("code", p.code());
        attributes.put("pointKind", p.kind().name());
        attributes.put("km", LineGeometry.fmt(p.km()));
        attributes.put("stationTracks", String.valueOf(p.stationTracks()));
        attributes.put("mainTracks", String.valueOf(mainTracks));
        attributes.put("usefulLengthM", String.valueOf(p.usefulLengthM()));
        attributes.put("timeZone", p.timeZone().getId());
        attributes.put("assumedPoint", String.valueOf(p.assumed()));
        attributes.put("kmBasis", "assumption: the station spans its useful length centred on its km");
        add(stationId(p), AssetType.STATION, p.names().en(), lo, hi, attributes);

        int count = TURNOUTS_PER_LOOP_TRACK * loopTracks;
        for (int n = 1; n <= count; n++) {
            boolean lowThroat = last || (!first && n % 2 == 1);
            double km = lowThroat ? lo : hi;
            Map<String, String> t = new LinkedHashMap<>();
            t.put("station", p.code());
            t.put("throat", lowThroat ? "low-km" : "high-km");
            t.put("loopTrack", String.valueOf((n + 1) / 2));
            t.put(
                    "basis",
                    "assumption: " + TURNOUTS_PER_LOOP_TRACK + " turnouts per loop track beyond the " + mainTracks
                            + " main track(s); the real layout is unknown");
            add(
                    String.format(Locale.ROOT, "TO-%s-%02d", p.code(), n),
                    AssetType.TURNOUT,
                    "Turnout " + n + ", " + p.names().en(),
                    km,
                    km,
                    t);
        }
    }

    private Point nearestReferencePoint(double km) {
        return line.line().points().stream()
                .filter(p -> !p.assumed())
                .min(Comparator.comparingDouble((Point p) -> Math.abs(p.km() - km))
                        .thenComparingDouble(Point::km))
                .orElseThrow();
    }

    private String pointName(String code) {
        return line.network().point(code).map(p -> p.names().en()).orElse(code);
    }

    private String unique(String base) {
        String id = base;
        for (int n = 2; ids.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private void add(
            String id, AssetType type, String name, double fromKm, double toKm, Map<String, String> attributes) {
        if (!ids.add(id)) {
            throw new IllegalStateException("generated asset id " + id + " twice");
        }
        Country country = line.countryOf(fromKm, toKm);
        Map<String, String> facts = attributes;
        if (severalLines) { // one-line registers keep their stored attributes unchanged
            facts = new LinkedHashMap<>(attributes);
            facts.put(AssetRegister.LINE_ATTRIBUTE, line.line().code());
        }
        out.add(new Asset(id, type, name, fromKm, toKm, country, LineGeometry.operatorOf(country), facts));
    }

    /** Rounds a km to the metre, so 783.2 − 0.425 reads 782.775 and not 782.7750000000001. */
    private static double toMetre(double km) {
        return Math.round(km * 1000) / 1000.0;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
