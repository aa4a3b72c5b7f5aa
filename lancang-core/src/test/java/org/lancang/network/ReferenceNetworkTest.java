package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.testing.Ref;
import org.lancang.testing.ReferenceFiles;

/** The shipped China–Laos network keeps every rule, and a broken file is reported by file, line and field. */
class ReferenceNetworkTest {
    private final ReferenceFiles files = ReferenceFiles.chinaLaos();
    private final Network network = NetworkParser.parse(files);

    @Test
    void has36PointsFromKunmingToVientianeSouthWithKmStrictlyIncreasing() {
        List<Point> points = network.referencePoints();
        assertThat(points).hasSize(36);
        assertThat(network.points())
                .hasSize(39)
                .filteredOn(Point::assumed)
                .extracting(Point::code)
                .containsExactly("GMA", "GMB", "PVA");
        assertThat(points.get(0).code()).isEqualTo("KMG");
        assertThat(points.get(35).code()).isEqualTo("VTS");
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).km()).isGreaterThan(points.get(i - 1).km());
        }
        assertThat(network.lengthKm()).isEqualTo(1035.0);
    }

    @Test
    void theChainageCountsFromKunmingStationWithKunmingSouth88KmFromYuxi() {
        Point kunming = network.point("KMG").orElseThrow();
        Point kunmingSouth = network.point("KMS").orElseThrow();
        Point yuxi = network.point("YXI").orElseThrow();
        assertThat(kunming.km()).isZero();
        assertThat(kunming.kmQuality()).isEqualTo(KmQuality.ORIGIN);
        assertThat(kunming.names().zh()).isEqualTo("昆明");
        assertThat(yuxi.km() - kunming.km()).as("Kunming–Yuxi, [A] CR").isEqualTo(106.0);
        assertThat(yuxi.km() - kunmingSouth.km()).as("Kunming South–Yuxi, [B]").isEqualTo(88.0);
        assertThat(kunmingSouth.kmQuality()).isEqualTo(KmQuality.DERIVED);
        assertThat(yuxi.kmQuality()).isEqualTo(KmQuality.DERIVED);
        assertThat(network.border().km() - yuxi.km())
                .as("Yuxi–Mohan 507 km, to the border")
                .isEqualTo(507.0);
        assertThat(network.points().stream().filter(p -> p.kmQuality() == KmQuality.ORIGIN))
                .as("one origin")
                .containsExactly(kunming);
    }

    @Test
    void sectionLimitsAreBelowTheLineSpeedAndSayWhereTheyComeFrom() {
        List<Section> limited = network.referenceSections().stream()
                .filter(s -> s.speedLimitKmh() > 0)
                .toList();
        assertThat(limited).extracting(s -> s.from() + "-" + s.to()).contains("KMG-KMS", "MXY-NKK", "XSB-GLB");
        for (Section s : limited) {
            assertThat(s.speedLimitKmh()).as(s.from()).isLessThan(s.lineSpeedKmh());
            assertThat(s.speedLimitBasis()).as(s.from()).startsWith("calibrated");
            assertThat(s.limited(s.lineSpeedKmh())).isEqualTo(s.speedLimitKmh());
        }
        Section free = network.referenceSections().get(1);
        assertThat(free.speedLimitKmh()).isZero();
        assertThat(free.limited(free.lineSpeedKmh())).isEqualTo(free.lineSpeedKmh());
    }

    @Test
    void everyPassengerStationHasAUsualDwellAndTheBorderStationsTheirFormalities() {
        for (Point p : network.points()) {
            if (p.kind() == PointKind.PASSENGER
                    && !p.code().equals("KMG")
                    && !p.code().equals("VTE")) {
                assertThat(p.dwell().usual()).as(p.code()).isPositive();
            }
            assertThat(p.dwell().basis()).as(p.code()).isNotBlank();
        }
        assertThat(network.points().stream().filter(p -> p.dwell().bordersControl()))
                .extracting(Point::code)
                .containsExactly("MHN", "BTN");
        for (String code : List.of("MHN", "BTN")) {
            StopDwell d = network.point(code).orElseThrow().dwell();
            assertThat(d.firstBorder()).isEqualTo(Duration.ofMinutes(54));
            assertThat(d.secondBorder()).isEqualTo(Duration.ofMinutes(52));
        }
    }

    @Test
    void aDwellWhereNoTrainCanStandIsNamed() {
        ReferenceFiles standing =
                files.withLine("points.csv", "BDR,", l -> l.replace(",,,,\"no usual dwell", ",2,,,\"no usual dwell"));
        assertBroken(standing, "points.csv", files.lineOf("points.csv", "BDR,"), "usual_dwell_min");
    }

    @Test
    void aLimitAboveTheLineSpeedIsNamed() {
        ReferenceFiles broken =
                files.withLine("sections.csv", "MXY,NKK,", l -> l.replace(",130,\"calibrated", ",170,\"calibrated"));
        assertBroken(broken, "sections.csv", files.lineOf("sections.csv", "MXY,NKK,"), "speed_limit_kmh");
    }

    @Test
    void exactlyOneBorderBetweenTheLastChinesePointAndTheFirstLaoPoint() {
        List<Point> points = network.points();
        int border = points.indexOf(network.border());
        assertThat(points.stream().filter(p -> p.kind() == PointKind.BORDER)).hasSize(1);
        assertThat(points.subList(0, border))
                .allMatch(p -> p.country().equals(Ref.CN) && p.timeZone().equals(Ref.CHINA));
        assertThat(points.subList(border + 1, points.size()))
                .allMatch(p -> p.country().equals(Ref.LA) && p.timeZone().equals(Ref.LAOS));
        assertThat(network.border().km()).isEqualTo(613.0);
    }

    @Test
    void sectionsAreContiguousDoubleTrackToXishuangbannaThenSingle() {
        List<Section> sections = network.referenceSections();
        assertThat(sections).hasSize(35);
        List<Point> points = network.referencePoints();
        int xsb = points.indexOf(network.point("XSB").orElseThrow());
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            assertThat(s.from()).isEqualTo(points.get(i).code());
            assertThat(s.to()).isEqualTo(points.get(i + 1).code());
            assertThat(s.tracks()).as(s.from() + "-" + s.to()).isEqualTo(i < xsb ? 2 : 1);
            assertThat(s.block()).isEqualTo(i < xsb ? BlockType.AUTOMATIC : BlockType.INTER_STATION);
            assertThat(s.locoHauledSpeedKmh()).isEqualTo(120);
            assertThat(Math.abs(s.gradientPermille())).isLessThanOrEqualTo(12.0);
        }
        assertThat(sections.get(0).from()).as("the Kunming link").isEqualTo("KMG");
        assertThat(sections.get(1).lineSpeedKmh()).as("Kunming South–Yuxi").isEqualTo(200);
        assertThat(sections.get(2).lineSpeedKmh()).isEqualTo(160);
    }

    @Test
    void theAssumedLoopsSplitGanlanbaMenglaAndPhonhongVientianeNorthAndSayWhy() {
        List<Section> all = network.sections();
        assertThat(all).hasSize(38);
        assertThat(all)
                .extracting(s -> s.from() + "-" + s.to())
                .containsSubsequence("GLB-GMA", "GMA-GMB", "GMB-MLA", "PHH-PVA", "PVA-VTN");
        for (Point loop : network.points().stream().filter(Point::assumed).toList()) {
            assertThat(loop.kind()).isEqualTo(PointKind.PASSING_LOOP);
            assertThat(loop.source()).startsWith("ASSUMPTION");
            assertThat(loop.km() > 496.0 && loop.km() < 575.0 || loop.km() > 958.0 && loop.km() < 1005.0)
                    .as(loop.code())
                    .isTrue();
        }
    }

    @Test
    void anAssumedLoopOnDoubleTrackIsNamed() {
        ReferenceFiles broken = files.withLine("assumed-loops.csv", "GMA,", l -> l.replace(",522.0,", ",300.0,"));
        assertBroken(broken, "assumed-loops.csv", 2, "km");
    }

    @Test
    void everyValueCarriesASourceOrAnEstimateNote() {
        for (Point p : network.points()) {
            assertThat(p.source()).as(p.code()).isNotBlank();
            assertThat(p.tracksBasis()).as(p.code()).isNotBlank();
            assertThat(p.elevationBasis()).as(p.code()).startsWith("estimate");
        }
        for (Section s : network.sections()) {
            assertThat(s.source()).isNotBlank();
            assertThat(s.gradientBasis()).isNotBlank();
        }
        for (Structure s : network.structures()) {
            assertThat(s.source()).isNotBlank();
        }
    }

    @Test
    void theFriendshipTunnelSpansTheBorder() {
        Structure tunnel = network.structures().stream()
                .filter(s -> s.names().en().contains("Friendship"))
                .findFirst()
                .orElseThrow();
        assertThat(tunnel.fromKm()).isLessThan(613.0);
        assertThat(tunnel.toKm()).isGreaterThan(613.0);
        assertThat(tunnel.lengthM()).isEqualTo(9590.0);
    }

    @Test
    void namesFallBackToEnglishWhereUnknown() {
        assertThat(new Names("Vang Khi", "", "").in("zh")).isEqualTo("Vang Khi");
        assertThat(network.point("LPB").orElseThrow().names().in("zh")).isEqualTo("琅勃拉邦");
    }

    @Test
    void everyPointHasItsNameInThreeLanguagesAndTheChineseOneItsPinyin() {
        for (Point p : network.points()) {
            assertThat(p.names().zh()).as(p.code() + " zh").isNotBlank();
            assertThat(p.names().lo()).as(p.code() + " lo").isNotBlank();
            assertThat(p.names().pinyin()).as(p.code() + " pinyin").isNotBlank();
            // a Lao name is in Lao script, a Chinese one has Han characters
            assertThat(p.names().lo().codePoints().anyMatch(c -> c >= 0x0E80 && c <= 0x0EFF))
                    .as(p.code() + " lo script")
                    .isTrue();
            assertThat(p.names()
                            .zh()
                            .codePoints()
                            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .as(p.code() + " zh script")
                    .isTrue();
        }
    }

    private void assertBroken(ReferenceFiles broken, String file, int line, String field) {
        assertThatThrownBy(() -> NetworkParser.parse(broken)).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(file + ":" + line + ": field '" + field + "'");
        });
    }

    @Test
    void aKmThatDoesNotIncreaseIsNamed() {
        ReferenceFiles broken = files.withLine("points.csv", "ESH,", l -> l.replace(",134,", ",100,"));
        assertBroken(broken, "points.csv", files.lineOf("points.csv", "ESH,"), "km");
    }

    @Test
    void aBorderPointBetweenTwoPointsOfOneCountryIsNamed() {
        ReferenceFiles broken = files.withLine(
                "points.csv", "YHE,", l -> l.replace("FREIGHT", "BORDER").replace(",CN,", ",CN/LA,"));
        assertBroken(broken, "points.csv", files.lineOf("points.csv", "YHE,"), "country");
    }

    @Test
    void aLaoPointOnChinaTimeIsNamed() {
        ReferenceFiles broken = files.withLine("points.csv", "LPB,", l -> l.replace("Asia/Vientiane", "Asia/Shanghai"));
        assertBroken(broken, "points.csv", files.lineOf("points.csv", "LPB,"), "time_zone");
    }

    @Test
    void anUnknownTimeZoneIsNamed() {
        ReferenceFiles broken = files.withLine("points.csv", "LPB,", l -> l.replace("Asia/Vientiane", "Mars/Olympus"));
        assertBroken(broken, "points.csv", files.lineOf("points.csv", "LPB,"), "time_zone");
    }

    @Test
    void aGapInTheSectionsIsNamed() {
        ReferenceFiles broken = files.withLine("sections.csv", "ESH,HNI,", l -> l.replaceFirst("ESH,HNI,", "ESH,YJG,"));
        assertBroken(broken, "sections.csv", files.lineOf("sections.csv", "ESH,HNI,"), "to");
    }

    @Test
    void anUnknownPointCodeInASectionIsNamed() {
        ReferenceFiles broken = files.withLine("sections.csv", "ESH,HNI,", l -> l.replaceFirst("ESH,HNI,", "ESH,XXX,"));
        assertBroken(broken, "sections.csv", files.lineOf("sections.csv", "ESH,HNI,"), "to");
    }

    @Test
    void anInsaneSpeedOrGradientIsNamed() {
        ReferenceFiles fast =
                files.withLine("sections.csv", "ESH,HNI,", l -> l.replaceFirst("ESH,HNI,2,160,", "ESH,HNI,2,900,"));
        assertBroken(fast, "sections.csv", files.lineOf("sections.csv", "ESH,HNI,"), "line_speed_kmh");
        ReferenceFiles steep = files.with("sections.csv", text -> {
            String[] lines = text.split("\n");
            int i = files.lineOf("sections.csv", "ESH,HNI,") - 1;
            List<String> fields = new ArrayList<>(List.of(lines[i].split(",", -1)));
            fields.set(6, "55");
            lines[i] = String.join(",", fields);
            return String.join("\n", lines);
        });
        assertBroken(steep, "sections.csv", files.lineOf("sections.csv", "ESH,HNI,"), "gradient_permille");
    }

    @Test
    void aNonNumberIsNamed() {
        ReferenceFiles broken = files.withLine("points.csv", "YXI,", l -> l.replace(",106,", ",one-oh-six,"));
        assertBroken(broken, "points.csv", files.lineOf("points.csv", "YXI,"), "km");
    }
}
