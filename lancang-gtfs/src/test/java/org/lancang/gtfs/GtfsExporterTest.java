package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.lancang.data.CsvTable;
import org.lancang.timetable.Operator;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;

class GtfsExporterTest {
    private final Map<String, String> files = Zips.fixtureFiles();

    private List<CsvTable.Row> rows(String file) {
        return Zips.rows(files, file);
    }

    private List<CsvTable.Row> stopTimes(String tripId) {
        return rows("stop_times.txt").stream()
                .filter(r -> r.text("trip_id").equals(tripId))
                .toList();
    }

    private static List<String> column(List<CsvTable.Row> rows, String column) {
        return rows.stream().map(r -> r.text(column)).toList();
    }

    @Test
    void bothOperatorsAreAgenciesSharingTheFeedZone() {
        List<CsvTable.Row> agencies = rows("agency.txt");
        assertThat(column(agencies, "agency_id")).containsExactly("CR_KUNMING", "LCR");
        assertThat(column(agencies, "agency_timezone")).containsOnly("Asia/Shanghai");
        assertThat(column(agencies, "agency_url")).containsExactly("https://www.12306.cn/", "https://www.lcrc.la/");
        assertThat(column(agencies, "agency_lang")).containsOnly("en");
    }

    @Test
    void freightIsLeftOutAndEveryPassengerTrainIsATrip() {
        List<CsvTable.Row> trips = rows("trips.txt");
        assertThat(column(trips, "trip_id")).containsExactly("C82", "D887", "D888", "D8461");
        assertThat(column(trips, "trip_short_name")).containsExactly("C82", "D887", "D888", "D8461");
        assertThat(column(trips, GtfsExporter.TRAIN_TYPE_COLUMN)).containsOnly("CR200J");
        assertThat(files.get("stop_times.txt")).doesNotContain("80501");
    }

    @Test
    void stopsAreTheStoppingPointsInKmOrderWithTheirOwnZone() {
        List<CsvTable.Row> stops = rows("stops.txt");
        // No passing loop, no border, no freight-only point (YHE, VTS), no station every train runs through (NER).
        assertThat(column(stops, "stop_id"))
                .containsExactly(
                        "KMS", "YXI", "ESH", "MJG", "PUE", "YXG", "XSB", "MHN", "BTN", "NTY", "MXY", "LPB", "VVG",
                        "PHH", "VTE");
        CsvTable.Row kms = stops.get(0);
        CsvTable.Row vte = stops.get(stops.size() - 1);
        assertThat(kms.text("stop_name")).isEqualTo("Kunming South");
        assertThat(kms.text("stop_timezone")).isEqualTo("Asia/Shanghai");
        assertThat(vte.text("stop_name")).isEqualTo("Vientiane");
        assertThat(vte.text("stop_timezone")).isEqualTo("Asia/Vientiane");
        assertThat(Double.parseDouble(vte.text("stop_lat"))).isBetween(17.9, 18.2);
        assertThat(Double.parseDouble(vte.text("stop_lon"))).isBetween(102.5, 102.8);
    }

    @Test
    void stopTimesHoldOnlyStopsWithTheirDwells() {
        List<CsvTable.Row> d887 = stopTimes("D887");
        assertThat(column(d887, "stop_id"))
                .containsExactly("KMS", "YXI", "PUE", "XSB", "MHN", "BTN", "MXY", "LPB", "VVG", "VTE");
        assertThat(column(d887, "stop_sequence")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(column(d887, "timepoint")).containsOnly("1");
        CsvTable.Row mohan = d887.get(4);
        assertThat(mohan.text("arrival_time")).isEqualTo("12:30:00");
        assertThat(mohan.text("departure_time")).isEqualTo("13:30:00");
        assertThat(d887.get(0).text("departure_time")).isEqualTo("08:08:00");
    }

    @Test
    void d887ArrivesInVientianeAtLaoLocalTimeWhenReadWithItsStopZone() {
        CsvTable.Row vientiane = stopTimes("D887").get(9);
        assertThat(vientiane.text("stop_id")).isEqualTo("VTE");
        // The feed is in Beijing time: Lao time 17:27 + 1 h.
        assertThat(vientiane.text("arrival_time")).isEqualTo("18:27:00");

        // What a GTFS consumer does: noon minus 12 h of the service day in the agency zone, plus the time, shown in
        // the stop's stop_timezone.
        ZoneId stopZone = ZoneId.of(rows("stops.txt").stream()
                .filter(r -> r.text("stop_id").equals("VTE"))
                .findFirst()
                .orElseThrow()
                .text("stop_timezone"));
        ZonedDateTime arrival = Fixtures.START
                .atTime(LocalTime.NOON)
                .atZone(ZoneId.of("Asia/Shanghai"))
                .minusHours(12)
                .plus(GtfsTime.parse(vientiane.text("arrival_time")));
        assertThat(arrival.withZoneSameInstant(stopZone).toLocalTime()).isEqualTo(LocalTime.of(17, 27));
    }

    @Test
    void laoOriginTrainsAreShiftedToBeijingTime() {
        assertThat(stopTimes("C82").get(0).text("departure_time")).isEqualTo("09:00:00");
        List<CsvTable.Row> d888 = stopTimes("D888");
        assertThat(d888.get(0).text("departure_time")).isEqualTo("09:08:00");
        CsvTable.Row kunming = d888.get(d888.size() - 1);
        assertThat(kunming.text("stop_id")).isEqualTo("KMS");
        assertThat(kunming.text("arrival_time")).isEqualTo("19:27:00");
    }

    @Test
    void aLaoTrainLeavingLateRunsPast24Hours() {
        Train late = Fixtures.train(
                "C99",
                Operator.valueOf("LCR"),
                "CR200J",
                true,
                ServiceCalendar.daily(Fixtures.START, Fixtures.END),
                Fixtures.LAOS,
                "VTE - 23:30",
                "PHH ~23:58",
                "VVG 24:31 -");
        Map<String, String> out = new GtfsExporter(Fixtures.operators())
                .files(Fixtures.network(), new Timetable(List.of(late)), Fixtures.feedInfo());

        assertThat(column(Zips.rows(out, "stop_times.txt"), "departure_time")).containsExactly("24:30:00", "25:31:00");
    }

    @Test
    void routesGroupBothDirectionsOfOneOperatorsService() {
        List<CsvTable.Row> routes = rows("routes.txt");
        assertThat(column(routes, "route_id"))
                .containsExactly("CR_KUNMING-KMS-VTE", "CR_KUNMING-KMS-XSB", "LCR-BTN-VTE");
        CsvTable.Row crossBorder = routes.get(0);
        assertThat(crossBorder.text("route_short_name")).isEqualTo("D887/D888");
        assertThat(crossBorder.text("route_long_name")).isEqualTo("Kunming South – Vientiane");
        assertThat(crossBorder.text("agency_id")).isEqualTo("CR_KUNMING");
        assertThat(column(routes, "route_type")).containsOnly("2");
        assertThat(routes.get(2).text("agency_id")).isEqualTo("LCR");

        List<CsvTable.Row> trips = rows("trips.txt");
        assertThat(column(trips, "route_id"))
                .containsExactly("LCR-BTN-VTE", "CR_KUNMING-KMS-VTE", "CR_KUNMING-KMS-VTE", "CR_KUNMING-KMS-XSB");
        // C82 and D888 run towards Kunming (km decreasing), D887 and D8461 away from it.
        assertThat(column(trips, "direction_id")).containsExactly("1", "0", "1", "0");
        assertThat(column(trips, "trip_headsign"))
                .containsExactly("Boten", "Vientiane", "Kunming South", "Xishuangbanna");
    }

    @Test
    void aRouteWithTooManyTrainsForAShortNameKeepsOnlyItsLongName() {
        ServiceCalendar daily = ServiceCalendar.daily(Fixtures.START, Fixtures.END);
        List<Train> trains = new ArrayList<>();
        for (String number : List.of("C81", "C82", "C83", "C84")) {
            trains.add(Fixtures.train(
                    number,
                    Operator.valueOf("LCR"),
                    "CR200J",
                    true,
                    daily,
                    Fixtures.LAOS,
                    "VTE - 08:00",
                    "VVG 09:01 -"));
        }
        Map<String, String> out = new GtfsExporter(Fixtures.operators())
                .files(Fixtures.network(), new Timetable(trains), Fixtures.feedInfo());

        CsvTable.Row route = Zips.rows(out, "routes.txt").get(0);
        assertThat(route.text("route_short_name")).isEmpty(); // "C81/C82/C83/C84" is over 12 characters
        assertThat(route.text("route_long_name")).isEqualTo("Vang Vieng – Vientiane");
    }

    @Test
    void calendarsAndFeedInfoComeFromTheTrains() {
        List<CsvTable.Row> calendars = rows("calendar.txt");
        assertThat(column(calendars, "service_id"))
                .containsExactly("0000111_20270101_20271231", "1111111_20270101_20271231");
        CsvTable.Row weekends = calendars.get(0);
        assertThat(List.of(
                        weekends.text("monday"),
                        weekends.text("thursday"),
                        weekends.text("friday"),
                        weekends.text("sunday")))
                .containsExactly("0", "0", "1", "1");
        assertThat(weekends.text("start_date")).isEqualTo("20270101");
        assertThat(weekends.text("end_date")).isEqualTo("20271231");
        assertThat(stopTimes("D8461")).isNotEmpty();
        assertThat(rows("trips.txt").get(3).text("service_id")).isEqualTo("0000111_20270101_20271231");

        CsvTable.Row info = rows("feed_info.txt").get(0);
        assertThat(info.text("feed_publisher_name")).isEqualTo("Lancang");
        assertThat(info.text("feed_lang")).isEqualTo("en");
        assertThat(info.text("feed_start_date")).isEqualTo("20270101");
        assertThat(info.text("feed_end_date")).isEqualTo("20271231");
        assertThat(info.text("feed_version")).isEqualTo("2027-test");
    }

    @Test
    void translationsGiveChineseAndLaoStationNames() {
        List<CsvTable.Row> translations = rows("translations.txt");
        assertThat(translations)
                .anyMatch(r -> r.text("record_id").equals("VTE")
                        && r.text("language").equals("lo")
                        && r.text("translation").equals("ນະຄອນຫຼວງວຽງຈັນ"));
        assertThat(translations)
                .anyMatch(r -> r.text("record_id").equals("KMS")
                        && r.text("language").equals("zh")
                        && r.text("translation").equals("昆明南"));
        // Kunming South's Lao name (a marked transliteration in the data) is translated too
        assertThat(translations)
                .anyMatch(r -> r.text("record_id").equals("KMS")
                        && r.text("language").equals("lo")
                        && r.text("translation").equals("ຄຸນໝິງໃຕ້"));
    }

    @Test
    void theZipIsDeterministicUtf8WithoutBom() throws Exception {
        GtfsExporter exporter = new GtfsExporter(Fixtures.operators());
        byte[] first = exporter.export(Fixtures.network(), Fixtures.timetable(), Fixtures.feedInfo());
        byte[] second = exporter.export(Fixtures.network(), Fixtures.timetable(), Fixtures.feedInfo());
        assertThat(first).isEqualTo(second);

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                names.add(entry.getName());
                byte[] bytes = zip.readAllBytes();
                assertThat(bytes[0]).as("%s starts with a BOM", entry.getName()).isNotEqualTo((byte) 0xEF);
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(files.get(entry.getName()));
            }
        }
        assertThat(names)
                .containsExactly(
                        "agency.txt",
                        "calendar.txt",
                        "feed_info.txt",
                        "routes.txt",
                        "stop_times.txt",
                        "stops.txt",
                        "translations.txt",
                        "trips.txt");
    }

    @Test
    void aStopWithoutCoordinatesFailsTheExportClearly() {
        // Na Thong is a passing loop: no coordinate is known for it.
        Train odd = Fixtures.train(
                "C80",
                Operator.valueOf("LCR"),
                "CR200J",
                true,
                ServiceCalendar.daily(Fixtures.START, Fixtures.END),
                Fixtures.LAOS,
                "MXY - 08:00",
                "NTH 08:20 08:22",
                "BTN 08:50 -");

        assertThatThrownBy(() -> new GtfsExporter(Fixtures.operators())
                        .export(Fixtures.network(), new Timetable(List.of(odd)), Fixtures.feedInfo()))
                .isInstanceOf(GtfsExportException.class)
                .hasMessageContaining("C80")
                .hasMessageContaining("NTH")
                .hasMessageContaining("stop-coordinates.csv");
    }

    @Test
    void twoTrainsWithOneNumberOrNoPassengerTrainFailTheExport() {
        ServiceCalendar daily = ServiceCalendar.daily(Fixtures.START, Fixtures.END);
        Timetable twice = new Timetable(List.of(Fixtures.c82(daily), Fixtures.c82(daily)));
        assertThatThrownBy(() ->
                        new GtfsExporter(Fixtures.operators()).export(Fixtures.network(), twice, Fixtures.feedInfo()))
                .isInstanceOf(GtfsExportException.class)
                .hasMessageContaining("C82")
                .hasMessageContaining("twice");

        Timetable freightOnly = new Timetable(List.of(Fixtures.freight(daily)));
        assertThatThrownBy(() -> new GtfsExporter(Fixtures.operators())
                        .export(Fixtures.network(), freightOnly, Fixtures.feedInfo()))
                .isInstanceOf(GtfsExportException.class)
                .hasMessageContaining("no passenger train");
    }

    @Test
    void aCallAtAnUnknownPointFailsTheExport() {
        Train lost = Fixtures.train(
                "C70",
                Operator.valueOf("LCR"),
                "CR200J",
                true,
                ServiceCalendar.daily(Fixtures.START, Fixtures.END),
                Fixtures.LAOS,
                "VTE - 08:00",
                "XXX 09:00 -");
        assertThatThrownBy(() -> new GtfsExporter(Fixtures.operators())
                        .export(Fixtures.network(), new Timetable(List.of(lost)), Fixtures.feedInfo()))
                .isInstanceOf(GtfsExportException.class)
                .hasMessageContaining("XXX");
    }
}
