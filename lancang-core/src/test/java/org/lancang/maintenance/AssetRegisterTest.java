package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lancang.maintenance.Fixtures.NETWORK;
import static org.lancang.maintenance.Fixtures.REGISTER;
import static org.lancang.maintenance.Fixtures.refusedNaming;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.errors.NotFound;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.network.Section;
import org.lancang.network.Structure;
import org.lancang.network.StructureKind;
import org.lancang.testing.Ref;

/** The register generated from the real China–Laos network, its lookups and the checks on edits. */
class AssetRegisterTest {

    @Test
    void everySectionHasOneTrackAndOneOverheadLineAssetOverItsWholeRange() {
        for (Section s : NETWORK.sections()) {
            Asset track = REGISTER.get("TRK-" + s.from() + "-" + s.to());
            Asset ohl = REGISTER.get("OHL-" + s.from() + "-" + s.to());
            assertThat(track.type()).isEqualTo(AssetType.TRACK);
            assertThat(ohl.type()).isEqualTo(AssetType.OVERHEAD_LINE);
            for (Asset a : List.of(track, ohl)) {
                assertThat(a.fromKm()).isEqualTo(s.fromKm());
                assertThat(a.toKm()).isEqualTo(s.toKm());
            }
            assertThat(track.attributes())
                    .containsEntry("tracks", String.valueOf(s.tracks()))
                    .containsEntry("lineSpeedKmh", String.valueOf(s.lineSpeedKmh()));
        }
        assertThat(REGISTER.ofType(AssetType.TRACK)).hasSize(NETWORK.sections().size());
        assertThat(REGISTER.ofType(AssetType.OVERHEAD_LINE))
                .hasSize(NETWORK.sections().size());
        assertThat(REGISTER.find("TRK-GLB-GMA")).isPresent();
    }

    @Test
    void everyNamedStructureIsCoveredByAssetsOfItsKindWithTheFriendshipTunnelSplitAtTheBorder() {
        assertThat(NETWORK.structures()).isNotEmpty();
        for (Structure s : NETWORK.structures()) {
            AssetType type = s.kind() == StructureKind.TUNNEL ? AssetType.TUNNEL : AssetType.BRIDGE;
            List<Asset> parts = REGISTER.ofType(type).stream()
                    .filter(a -> s.names().en().equals(a.attributes().get("structure")))
                    .toList();
            assertThat(parts).as(s.names().en()).isNotEmpty();
            assertThat(parts.get(0).fromKm()).isEqualTo(s.fromKm());
            assertThat(parts.get(parts.size() - 1).toKm()).isEqualTo(s.toKm());
        }
        Asset cn = REGISTER.get("TUN-BDR-FRIENDSHIP-CN");
        Asset la = REGISTER.get("TUN-BDR-FRIENDSHIP-LA");
        assertThat(cn.toKm()).isEqualTo(613.0);
        assertThat(la.fromKm()).isEqualTo(613.0);
        assertThat(cn.toKm() - cn.fromKm()).isCloseTo(7.17, Offset.offset(1e-9));
        assertThat(cn.country()).isEqualTo(Ref.CN);
        assertThat(cn.operator()).isEqualTo(Ref.CR_KUNMING);
        assertThat(la.country()).isEqualTo(Ref.LA);
        assertThat(la.operator()).isEqualTo(Ref.LCR);
    }

    @Test
    void everyStationAndLoopHasAnAssetWithTwoTurnoutsPerLoopTrack() {
        for (Point p : NETWORK.points()) {
            if (p.kind() == PointKind.BORDER) {
                assertThat(REGISTER.find("STN-" + p.code())).isEmpty();
            } else {
                Asset station = REGISTER.get("STN-" + p.code());
                assertThat(station.type()).isEqualTo(AssetType.STATION);
                assertThat(station.covers(p.km())).isTrue();
            }
        }
        // a passing loop on single track: 2 tracks, 1 main → 1 loop track → 2 turnouts, one per throat
        assertThat(turnouts("NTH")).extracting(Asset::id).containsExactly("TO-NTH-01", "TO-NTH-02");
        assertThat(turnouts("NTH"))
                .extracting(a -> a.attributes().get("throat"))
                .containsExactly("low-km", "high-km");
        assertThat(turnouts("GMA")).hasSize(2); // the assumed loops too
        assertThat(turnouts("GLB")).hasSize(4); // 3 tracks, single line
        assertThat(turnouts("XSB")).hasSize(10); // 7 tracks, the double line arrives from the north
        assertThat(turnouts("YXI")).hasSize(8); // 6 tracks on double line
        assertThat(turnouts("KMS")).hasSize(56); // 30 tracks on the double line, a throat at each end
        assertThat(turnouts("KMG"))
                .hasSize(20)
                .allMatch(a -> a.attributes().get("throat").equals("high-km"));
        Asset gma = REGISTER.get("STN-GMA");
        assertThat(gma.attributes()).containsEntry("pointKind", "PASSING_LOOP").containsEntry("assumedPoint", "true");
    }

    @Test
    void idsAreUniqueWellFormedAndStableWhenRegenerated() {
        List<String> ids = REGISTER.assets().stream().map(Asset::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Z0-9]+(-[A-Z0-9]+)*"));
        assertThat(AssetRegister.generate(NETWORK).assets()).isEqualTo(REGISTER.assets());
        Set<AssetType> types = REGISTER.assets().stream().map(Asset::type).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder(AssetType.values());
    }

    @Test
    void lookupByKmFindsTheLuangPrabangMekongBridgeWithTheTrackAndOverheadLineUnderIt() {
        List<Asset> at = REGISTER.at(null, 779.5);
        assertThat(at).extracting(Asset::id).contains("BRG-LPB-MEKONG", "TRK-HHN-LPB", "OHL-HHN-LPB");
        Asset bridge = REGISTER.get("BRG-LPB-MEKONG");
        assertThat(bridge.name()).isEqualTo("Luang Prabang Mekong bridge");
        assertThat(bridge.country()).isEqualTo(Ref.LA);
        assertThat(bridge.operator()).isEqualTo(Ref.LCR);
        assertThat(REGISTER.at(null, 778.741)).extracting(Asset::id).contains("BRG-LPB-MEKONG");
        assertThat(REGISTER.at(null, 778.7)).extracting(Asset::id).doesNotContain("BRG-LPB-MEKONG");
        assertThat(REGISTER.at(null, 783.2)).extracting(Asset::id).contains("STN-LPB", "TRK-HHN-LPB", "TRK-LPB-XNG");
        assertThat(REGISTER.overlapping(778.0, 779.0)).extracting(Asset::id).contains("BRG-LPB-MEKONG");
        refusedNaming("km", () -> REGISTER.at(null, 1035.5));
    }

    @Test
    void countryAndOperatorFollowTheBorderAtKm613() {
        assertThat(REGISTER.get("TRK-MHN-BDR").operator()).isEqualTo(Ref.CR_KUNMING);
        assertThat(REGISTER.get("TRK-BDR-BTN").operator()).isEqualTo(Ref.LCR);
        assertThat(REGISTER.get("STN-MHN").country()).isEqualTo(Ref.CN);
        assertThat(REGISTER.get("STN-BTN").country()).isEqualTo(Ref.LA);
        assertThat(REGISTER.assets())
                .allMatch(a -> !a.country().equals(Ref.CN_LA))
                .allMatch(a -> (a.toKm() <= 613) == (a.operator().equals(Ref.CR_KUNMING)));
    }

    @Test
    void addingUpdatingAndRemovingGiveNewRegistersAndDeriveCountryFromKm() {
        AssetDraft culvert = new AssetDraft(
                "BRG-MXY-CULVERT-1", AssetType.BRIDGE, "Culvert 1", 690.0, 690.02, Map.of("note", "added by hand"));
        AssetRegister added = REGISTER.add(culvert);
        assertThat(added.get("BRG-MXY-CULVERT-1").operator()).isEqualTo(Ref.LCR);
        assertThat(REGISTER.find("BRG-MXY-CULVERT-1")).isEmpty();

        AssetRegister moved = added.update(
                new AssetDraft("BRG-MXY-CULVERT-1", AssetType.BRIDGE, "Culvert 1", 590.0, 590.02, Map.of()));
        assertThat(moved.get("BRG-MXY-CULVERT-1").country()).isEqualTo(Ref.CN);
        assertThat(moved.get("BRG-MXY-CULVERT-1").operator()).isEqualTo(Ref.CR_KUNMING);
        assertThat(moved.remove("BRG-MXY-CULVERT-1").assets()).isEqualTo(REGISTER.assets());

        assertThatThrownBy(() -> added.add(culvert)).isInstanceOf(Clash.class);
        assertThatThrownBy(() -> REGISTER.update(culvert)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> REGISTER.remove("NOPE")).isInstanceOf(NotFound.class);
    }

    @Test
    void editsOutsideTheLineBackwardsOrAcrossTheBorderAreRefusedNamingTheField() {
        refusedNaming("fromKm", () -> REGISTER.add(draft("X-1", -0.5, 3)));
        refusedNaming("toKm", () -> REGISTER.add(draft("X-1", 1030, 1036)));
        refusedNaming("toKm", () -> REGISTER.add(draft("X-1", 20, 10)));
        refusedNaming("toKm", () -> REGISTER.add(draft("X-1", 612, 614)));
        refusedNaming("fromKm", () -> REGISTER.add(draft("X-1", Double.NaN, 3)));
        refusedNaming("id", () -> REGISTER.add(draft("bad id", 1, 2)));
        refusedNaming("name", () -> REGISTER.add(new AssetDraft("X-1", AssetType.TRACK, " ", 1, 2, Map.of())));
        refusedNaming("type", () -> REGISTER.add(new AssetDraft("X-1", null, "x", 1, 2, Map.of())));
        // a point-like asset is fine: fromKm = toKm
        assertThat(REGISTER.add(draft("X-1", 10, 10)).get("X-1").lengthKm()).isZero();
    }

    @Test
    void storedAssetsComeBackAndWrongCountriesAreRefused() {
        assertThat(AssetRegister.of(NETWORK, REGISTER.assets()).assets()).isEqualTo(REGISTER.assets());
        Asset lpb = REGISTER.get("BRG-LPB-MEKONG");
        Asset wrong = new Asset(
                lpb.id(), lpb.type(), lpb.name(), lpb.fromKm(), lpb.toKm(), Ref.CN, Ref.CR_KUNMING, lpb.attributes());
        refusedNaming("assets[0].country", () -> AssetRegister.of(NETWORK, List.of(wrong)));
        refusedNaming("assets[1].id", () -> AssetRegister.of(NETWORK, List.of(lpb, lpb)));
    }

    private static List<Asset> turnouts(String station) {
        return REGISTER.ofType(AssetType.TURNOUT).stream()
                .filter(a -> station.equals(a.attributes().get("station")))
                .toList();
    }

    private static AssetDraft draft(String id, double from, double to) {
        return new AssetDraft(id, AssetType.TRACK, "Siding", from, to, Map.of());
    }
}
