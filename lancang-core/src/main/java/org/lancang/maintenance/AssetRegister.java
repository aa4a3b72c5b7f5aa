package org.lancang.maintenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.Line;
import org.lancang.network.Network;

/**
 * The assets of a line, in km order, with lookup by id and by km. Immutable: an edit returns a new register, so the
 * caller decides when to store it. Every asset lies on the line, on one side of the border, with the country and
 * operator that side gives it.
 */
public final class AssetRegister {
    private static final int MAX_NAME = 200;
    /**
     * The attribute naming the line an asset's km are on, on a network of several lines (on a network of one line an
     * asset carries none: its km are the one line's). A draft without it gets the one line holding its km.
     */
    static final String LINE_ATTRIBUTE = "line";

    private static final Comparator<Asset> KM_ORDER = Comparator.comparingDouble(Asset::fromKm)
            .thenComparingDouble(Asset::toKm)
            .thenComparing(Asset::type)
            .thenComparing(Asset::id);

    private final Network network;
    private final List<Asset> assets;
    private final Map<String, Asset> byId;

    private AssetRegister(Network network, List<Asset> assets) {
        this.network = network;
        List<Asset> sorted = new ArrayList<>(assets);
        sorted.sort(KM_ORDER);
        this.assets = List.copyOf(sorted);
        Map<String, Asset> index = new HashMap<>();
        for (Asset a : sorted) {
            if (index.put(a.id(), a) != null) {
                throw new Clash("id", "asset id " + a.id() + " appears twice");
            }
        }
        this.byId = Map.copyOf(index);
    }

    /**
     * The register a line starts with, generated from its network:
     * <ul>
     * <li>TRACK and OVERHEAD_LINE: one asset per section of the network (assumed passing loops included, so ids like
     * {@code TRK-GLB-GMA}); sections are not cut into km chunks, because a section is already the unit track recording
     * runs and skylights are planned by, and a defect carries its own km;</li>
     * <li>TUNNEL and BRIDGE: one per named structure ({@code TUN-BDR-FRIENDSHIP}, {@code BRG-LPB-MEKONG}: the nearest
     * published point and the distinguishing word of the name), split at the border into {@code -CN} and {@code -LA}
     * parts when it crosses it, since each side has its own maintainer;</li>
     * <li>STATION: one per station, freight station and passing loop ({@code STN-LPB}), spanning its useful length
     * centred on its km (an assumption: the real layouts are unknown);</li>
     * <li>TURNOUT: two per loop track beyond the main line(s) ({@code TO-GLB-01} …), an assumption: station tracks minus
     * main tracks, times two, one at each throat.</li>
     * </ul>
     * Ids depend only on the network's codes and structure names, so regenerating gives the same ids. On a network of
     * several lines each line's assets lie on that line's km, carry its code as the attribute {@code line}, and a
     * junction station is one asset, placed on the first line listing it.
     */
    public static AssetRegister generate(Network network) {
        return new AssetRegister(network, AssetGenerator.generate(network));
    }

    /**
     * A register from stored assets (the persistence layer's way back in). Each asset is checked as an edit would be,
     * and must carry the country and operator its km range gives it.
     */
    public static AssetRegister of(Network network, List<Asset> assets) {
        Validation v = new Validation();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < assets.size(); i++) {
            Asset a = assets.get(i);
            String field = "assets[" + i + "]";
            v.check(seen.add(a.id()), field + ".id", "asset id " + a.id() + " appears twice");
            Optional<LineGeometry> checked = checkDraft(v, network, AssetDraft.of(a), field + ".");
            if (checked.isEmpty()) {
                continue;
            }
            LineGeometry on = checked.get();
            Country lies = on.countryOf(a.fromKm(), a.toKm());
            boolean placed = on.inside(a.fromKm()) && on.inside(a.toKm()) && !lies.isShared();
            if (placed && (!a.country().equals(lies) || !a.operator().equals(LineGeometry.operatorOf(lies)))) {
                v.add(
                        field + ".country",
                        a.id() + " lies in " + lies.code() + " (maintained by " + LineGeometry.operatorOf(lies)
                                + "), not " + a.country().code() + " / " + a.operator());
            }
        }
        v.throwIfInvalid();
        return new AssetRegister(network, assets);
    }

    public Network network() {
        return network;
    }

    /** Every asset, in km order (then type, then id). */
    public List<Asset> assets() {
        return assets;
    }

    public Optional<Asset> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id.strip()));
    }

    /** The asset with this id, or {@link NotFound} naming {@code id}. */
    public Asset get(String id) {
        return find(id).orElseThrow(() -> new NotFound("id", "no asset '" + id + "' in the register"));
    }

    /** The asset a request refers to, or {@link InvalidInput} naming {@code field} (e.g. {@code assetId}). */
    public Asset require(String id, String field) {
        if (Texts.blank(id)) {
            throw new InvalidInput(field, "is required");
        }
        return find(id).orElseThrow(() -> new InvalidInput(field, "'" + id + "' is not an asset in the register"));
    }

    /**
     * Every asset of the line {@code lineCode} covering the km (ends included), in km order; {@link InvalidInput}
     * naming {@code line} (no such line; none named, and the km on no one line) or {@code km} (off the line).
     */
    public List<Asset> at(String lineCode, double km) {
        Line on = lineNamed(lineCode, km, km);
        LineGeometry line = new LineGeometry(network, on);
        if (!line.inside(km)) {
            throw new InvalidInput("km", LineGeometry.fmt(km) + " is outside " + line.extent());
        }
        return assets.stream()
                .filter(a -> a.covers(km) && lineOf(a).equals(on.code()))
                .toList();
    }

    /** Every asset sharing at least one km with the closed range, in km order. */
    public List<Asset> overlapping(double fromKm, double toKm) {
        double lo = Math.min(fromKm, toKm);
        double hi = Math.max(fromKm, toKm);
        return assets.stream().filter(a -> a.overlaps(lo, hi)).toList();
    }

    /**
     * Every asset of the line {@code lineCode} sharing at least one km of that line with the closed range, in km order;
     * {@link InvalidInput} naming {@code line} when the network has no such line, or none is named and the range is on
     * no one line ({@link Network#lineHoldingKm}: the network's one line, or the one line holding the range).
     */
    public List<Asset> overlapping(String lineCode, double fromKm, double toKm) {
        String asked = lineNamed(lineCode, fromKm, toKm).code();
        return overlapping(fromKm, toKm).stream()
                .filter(a -> asked.equals(lineOf(a)))
                .toList();
    }

    /**
     * The line named, or, with none, the one line holding the km (an open end, infinite, is not a km: the other end
     * places the range); {@link InvalidInput} naming {@code line}.
     */
    private Line lineNamed(String lineCode, double fromKm, double toKm) {
        if (Texts.blank(lineCode)) {
            double from = Double.isInfinite(fromKm) ? toKm : fromKm;
            double to = Double.isInfinite(toKm) ? fromKm : toKm;
            return network.lineHoldingKm(from, to, "line");
        }
        return network.line(lineCode.strip())
                .orElseThrow(() -> new InvalidInput(
                        "line", "'" + lineCode.strip() + "' is not a line of the network " + network.code()));
    }

    /**
     * The code of the line an asset's km are on: its {@value #LINE_ATTRIBUTE} attribute, or the one line holding its
     * km (on a network of one line, that line: its assets carry no attribute).
     */
    String lineOf(Asset a) {
        String code = a.attributes() == null ? null : a.attributes().get(LINE_ATTRIBUTE);
        return Texts.blank(code)
                ? network.lineHoldingKm(a.fromKm(), a.toKm(), LINE_ATTRIBUTE).code()
                : code.strip();
    }

    public List<Asset> ofType(AssetType type) {
        return assets.stream().filter(a -> a.type() == type).toList();
    }

    /** This register with one more asset; {@link Clash} naming {@code id} if the id is taken. */
    public AssetRegister add(AssetDraft draft) {
        Asset asset = toAsset(draft);
        if (byId.containsKey(asset.id())) {
            throw new Clash("id", "asset id " + asset.id() + " is already in the register");
        }
        List<Asset> next = new ArrayList<>(assets);
        next.add(asset);
        return new AssetRegister(network, next);
    }

    /** This register with the asset of the draft's id replaced; {@link NotFound} naming {@code id} if there is none. */
    public AssetRegister update(AssetDraft draft) {
        Asset asset = toAsset(draft);
        get(asset.id());
        List<Asset> next = new ArrayList<>(assets);
        next.replaceAll(a -> a.id().equals(asset.id()) ? asset : a);
        return new AssetRegister(network, next);
    }

    /** This register without the asset; {@link NotFound} naming {@code id} if there is none. */
    public AssetRegister remove(String id) {
        Asset gone = get(id);
        return new AssetRegister(network, assets.stream().filter(a -> a != gone).toList());
    }

    /**
     * The asset a draft describes, with its country and operator derived from its km; {@link InvalidInput} naming every
     * wrong field: {@code id} (upper-case letters, digits and hyphens), {@code type}, {@code name}, {@code fromKm} /
     * {@code toKm} (inside the line, fromKm ≤ toKm, not across the border: split such an asset in two).
     */
    public Asset toAsset(AssetDraft draft) {
        Validation v = new Validation();
        Optional<LineGeometry> on = checkDraft(v, network, draft, "");
        v.throwIfInvalid();
        Country country = on.orElseThrow().countryOf(draft.fromKm(), draft.toKm());
        Map<String, String> attributes = draft.attributes();
        if (network.lines().size() > 1 && (attributes == null || !attributes.containsKey(LINE_ATTRIBUTE))) {
            // resolved once here, so the stored asset names its line and is never placed again
            attributes = new HashMap<>(attributes == null ? Map.of() : attributes);
            attributes.put(LINE_ATTRIBUTE, on.orElseThrow().line().code());
        }
        return new Asset(
                draft.id().strip(),
                draft.type(),
                draft.name().strip(),
                draft.fromKm(),
                draft.toKm(),
                country,
                LineGeometry.operatorOf(country),
                attributes);
    }

    /**
     * Checks a draft on its line (the attribute {@value #LINE_ATTRIBUTE}; none: the one line holding its km) and
     * returns that line's geometry, empty when the network has no such line or no one line holds the km (then named as
     * {@code line}).
     */
    private static Optional<LineGeometry> checkDraft(Validation v, Network network, AssetDraft d, String prefix) {
        String code = d.attributes() == null ? null : d.attributes().get(LINE_ATTRIBUTE);
        Optional<Line> named;
        if (code == null || Texts.blank(code)) {
            try {
                named = Optional.of(network.lineHoldingKm(d.fromKm(), d.toKm(), prefix + "line"));
            } catch (InvalidInput e) {
                e.errors().forEach(f -> v.add(f.field(), f.message()));
                return Optional.empty();
            }
        } else {
            named = network.line(code.strip());
        }
        if (named.isEmpty()) {
            v.add(prefix + "line", "'" + code.strip() + "' is not a line of the network " + network.code());
            return Optional.empty();
        }
        LineGeometry line = new LineGeometry(network, named.get());
        checkDraftOn(v, line, d, prefix);
        return Optional.of(line);
    }

    private static void checkDraftOn(Validation v, LineGeometry line, AssetDraft d, String prefix) {
        String id = d.id() == null ? null : d.id().strip();
        if (Texts.blank(id)) {
            v.add(prefix + "id", "is required");
        } else if (!AssetIds.valid(id)) {
            v.add(
                    prefix + "id",
                    "'" + id + "' must be upper-case letters and digits in hyphen-separated words, at most "
                            + AssetIds.MAX_LENGTH + " characters (e.g. BRG-LPB-MEKONG)");
        }
        v.check(d.type() != null, prefix + "type", "is required");
        Texts.required(v, d.name(), prefix + "name", MAX_NAME);
        boolean fromOk = line.inside(d.fromKm());
        boolean toOk = line.inside(d.toKm());
        v.check(fromOk, prefix + "fromKm", LineGeometry.fmt(d.fromKm()) + " is outside " + line.extent());
        v.check(toOk, prefix + "toKm", LineGeometry.fmt(d.toKm()) + " is outside " + line.extent());
        if (fromOk && toOk) {
            if (d.fromKm() > d.toKm()) {
                v.add(prefix + "toKm", "must not be before fromKm (" + LineGeometry.fmt(d.fromKm()) + ")");
            } else if (line.countryOf(d.fromKm(), d.toKm()).isShared()) {
                Border b = line.borderIn(d.fromKm(), d.toKm()).orElseThrow();
                v.add(
                        prefix + "toKm",
                        "the range crosses the border at km " + LineGeometry.fmt(line.kmOf(b)) + ": split it into a "
                                + b.before().names().en() + " and a "
                                + b.after().names().en()
                                + " asset, one per maintainer");
            }
        }
        if (d.attributes() != null
                && d.attributes().entrySet().stream().anyMatch(e -> Texts.blank(e.getKey()) || e.getValue() == null)) {
            v.add(prefix + "attributes", "keys must not be blank and values not null");
        }
    }
}
