package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lancang.timetable.Train;

/**
 * A feed written by hand as other producers publish theirs, never derived from Lancang's own: a byte-order mark, CRLF,
 * quoted fields holding commas, columns Lancang does not know and columns in another order, no calendar.txt nor
 * feed_info.txt, a night train past 24:00, stations with platforms under them, intermediate stops without times
 * (timepoint 0), two agencies found by name with two routes, and stops no trip uses. Each shape imports; what Lancang
 * cannot hold is refused naming file, line and field.
 */
class ForeignFeedShapesTest {
    private static final String BOM = "\uFEFF";

    /** The files, with LF line ends; {@link #published} adds the BOM and CRLF as a producer on Windows would. */
    private static Map<String, String> feed() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("agency.txt", """
                agency_phone,agency_name,agency_url,agency_timezone,agency_id,agency_lang,agency_fare_url
                "+86 871 12306","China Railway Kunming Group",https://example.org/cr,Asia/Shanghai,A1,zh,
                ,"Laos-China Railway Company",https://example.org/lcr,Asia/Shanghai,A2,lo,https://example.org/fares
                """);
        files.put("stops.txt", """
                stop_name,stop_id,stop_lat,stop_lon,location_type,parent_station,stop_desc,wheelchair_boarding,platform_code
                Kunming South,S-KMS,24.876,102.870,1,,"Kunming, south: the high-speed station",1,
                "Kunming South, platform 3",S-KMS-3,24.876,102.870,0,S-KMS,,1,3
                Xishuangbanna,S-XSB,22.050,100.800,1,,,1,
                "Xishuangbanna, platform 1",S-XSB-1,22.050,100.800,0,S-XSB,,1,1
                Boten,S-BTN,21.170,101.670,0,,"Boten, border station",0,
                Luang Prabang,S-LPB,19.860,102.210,0,,,1,
                Vientiane,S-VTE,18.040,102.690,0,,,1,
                Bus terminal Vientiane,S-BUS,17.970,102.610,0,,"a stop no trip here uses",0,
                """);
        files.put("routes.txt", """
                route_long_name,route_id,agency_id,route_type,route_short_name,route_color,route_text_color,route_desc
                "Kunming South – Vientiane, through",R-THRU,A1,2,,0033AA,FFFFFF,"cross-border, daily"
                "Luang Prabang – Vientiane",R-LAO,A2,2,,AA3300,FFFFFF,
                """);
        files.put("trips.txt", """
                trip_id,route_id,service_id,trip_headsign,trip_short_name,direction_id,block_id,shape_id,wheelchair_accessible
                T-887,R-THRU,DAILY,"Vientiane, via Boten",D887,0,B1,SH1,1
                T-night,R-THRU,DAILY,Vientiane,K11,0,,,1
                T-LAO,R-LAO,WEEKEND,"Vientiane",,0,,,1
                """);
        files.put("stop_times.txt", """
                trip_id,stop_sequence,stop_id,arrival_time,departure_time,timepoint,pickup_type,drop_off_type,shape_dist_traveled,stop_headsign
                T-887,10,S-KMS-3,08:08:00,08:08:00,1,0,1,0,"Vientiane, via Boten"
                T-887,20,S-XSB-1,,,0,0,0,448.0,
                T-887,30,S-BTN,12:30:00,13:10:00,1,0,0,598.0,
                T-887,40,S-LPB,,,0,0,0,765.2,
                T-887,50,S-VTE,18:05:00,18:05:00,1,1,0,1004.0,
                T-night,1,S-KMS,20:00:00,20:00:00,1,0,1,,
                T-night,2,S-XSB,26:10:00,26:20:00,1,0,0,,
                T-night,3,S-VTE,33:40:00,33:40:00,1,1,0,,
                T-LAO,1,S-LPB,9:00:00,9:00:00,1,0,1,,
                T-LAO,2,S-VTE,11:05:00,11:05:00,1,1,0,,
                """);
        files.put("calendar_dates.txt", """
                date,exception_type,service_id
                20271204,1,WEEKEND
                20271205,1,WEEKEND
                20271211,1,WEEKEND
                20271212,1,WEEKEND
                20271201,1,DAILY
                20271202,1,DAILY
                20271203,1,DAILY
                """);
        files.put("frequencies.txt", "trip_id,start_time,end_time,headway_secs,exact_times\n");
        return files;
    }

    private static Map<String, String> published(Map<String, String> files) {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((name, text) -> out.put(name, BOM + text.replace("\n", "\r\n")));
        return out;
    }

    private static GtfsImport read(Map<String, String> files) {
        return new GtfsImporter().read(Zips.zip(published(files)), ShippedNetworks.both());
    }

    private static GtfsFormatException refused(Map<String, String> files) {
        return catchThrowableOfType(GtfsFormatException.class, () -> read(files));
    }

    @Test
    void aFeedWrittenByAnotherProducerImportsWithEveryShapeItUses() {
        GtfsImport read = read(feed());

        assertThat(read.network()).isEqualTo(ShippedNetworks.CHINA_LAOS);
        assertThat(read.timetable().trains())
                .extracting(Train::number)
                .containsExactlyInAnyOrder("D887", "K11", "T-LAO");
        Train d887 = read.timetable().train("D887").orElseThrow();
        assertThat(d887.calls()).extracting(c -> c.pointCode()).containsExactly("KMS", "XSB", "BTN", "LPB", "VTE");
        assertThat(d887.calendar().startDate()).isEqualTo(LocalDate.of(2027, 12, 1));
        assertThat(d887.calendar().endDate()).isEqualTo(LocalDate.of(2027, 12, 3));
        // Xishuangbanna and Luang Prabang had no times: interpolated, and said so
        assertThat(read.notes())
                .anySatisfy(n -> assertThat(n).contains("D887").contains("XSB").contains("LPB"));
        Train night = read.timetable().train("K11").orElseThrow();
        // 33:40 in Beijing time is 08:40 the next morning, 07:40 in Vientiane; the offset counts from the origin's day
        assertThat(night.last().arrival()).isEqualTo(Duration.ofHours(33).plusMinutes(40));
        Train lao = read.timetable().train("T-LAO").orElseThrow();
        assertThat(lao.operator().code()).isNotEqualTo(d887.operator().code());
        assertThat(lao.calendar().startDate()).isEqualTo(LocalDate.of(2027, 12, 4));
        assertThat(read.stops()).extracting(GtfsImport.MatchedStop::stopId).doesNotContain("S-BUS");
    }

    @Test
    void busRoutesBesideTheTrainsAreLeftOutWithTheirOwnAgencyAndSaidSo() {
        Map<String, String> files = feed();
        files.put(
                "agency.txt",
                files.get("agency.txt")
                        + "\"+856 21 000\",Vientiane Capital State Bus,https://example.org/bus,Asia/Shanghai,BUS,lo,\n");
        files.put("routes.txt", files.get("routes.txt") + "Airport shuttle,R-BUS,BUS,3,29,,,\n");
        files.put("trips.txt", files.get("trips.txt") + "T-BUS,R-BUS,DAILY,Wattay airport,29,0,,,1\n");
        files.put(
                "stop_times.txt",
                files.get("stop_times.txt")
                        + "T-BUS,1,S-BUS,10:00:00,10:00:00,1,0,1,,\nT-BUS,2,S-AIR,10:40:00,10:40:00,1,1,0,,\n");
        files.put("stops.txt", files.get("stops.txt") + "Wattay airport,S-AIR,17.988,102.563,0,,,1,\n");

        GtfsImport read = read(files);

        // neither the bus agency nor the bus stops are the railway's, and nothing of them is imported
        assertThat(read.timetable().trains()).extracting(Train::number).doesNotContain("29", "T-BUS");
        assertThat(read.timetable().trains()).hasSize(3);
        assertThat(read.notes()).anySatisfy(n -> assertThat(n).contains("R-BUS").contains("route_type 3"));

        files.put(
                "routes.txt",
                files.get("routes.txt").replace(",A1,2,", ",A1,3,").replace(",A2,2,", ",A2,3,"));
        GtfsFormatException none = refused(files);
        assertThat(none.file()).isEqualTo("routes.txt");
        assertThat(none.getMessage()).contains("no route of the feed is rail");
    }

    @Test
    void filesInAFolderOfTheZipAreNamedWhereTheyAre() {
        Map<String, String> nested = new LinkedHashMap<>();
        feed().forEach((name, text) -> nested.put("google_transit/" + name, text));

        GtfsFormatException e = refused(nested);

        assertThat(e.line()).isEqualTo(GtfsFormatException.WHOLE_FILE);
        assertThat(e.getMessage()).contains("google_transit/").contains("top of the zip");
    }

    @Test
    void aFeedRefusedBeforeItsStopsAreReadIsNotSaidToMatchNoNetwork() {
        Map<String, String> files = feed();
        files.put("frequencies.txt", files.get("frequencies.txt") + "T-LAO,09:00:00,18:00:00,3600,1\n");

        GtfsFormatException e = refused(files);

        assertThat(e.file()).isEqualTo("frequencies.txt");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("frequency").doesNotContain("no stop of the feed matches");
    }
}
