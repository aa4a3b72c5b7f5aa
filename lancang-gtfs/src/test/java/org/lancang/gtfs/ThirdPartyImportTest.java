package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.timetable.Call;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.Train;

/**
 * What a third party's feed may do that Lancang's own does not — calendar_dates.txt, blank times, platforms, agencies
 * by name — is read as a planner would expect; what cannot be represented is refused naming file, line and field.
 */
class ThirdPartyImportTest {
    private final GtfsImporter importer = new GtfsImporter();

    private static SortedMap<String, String> feed() {
        return Zips.fixtureFiles();
    }

    private GtfsImport read(Map<String, String> files) {
        return importer.read(Zips.zip(files), ShippedNetworks.both());
    }

    private GtfsFormatException refused(Map<String, String> files) {
        return catchThrowableOfType(GtfsFormatException.class, () -> read(files));
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aFeedOfNoNetworkServedIsRefusedAtItsFirstStop() {
        Map<String, String> files = feed();
        files.put(
                "stops.txt",
                files.get("stops.txt").replaceAll("(?m)^([A-Z]{3}),[^,]+,[^,]+,[^,]+,", "$1,Gare $1,48.88,2.35,"));
        files.put("stop_times.txt", files.get("stop_times.txt").replaceAll(",([A-Z]{3}),", ",X$1,"));
        files.put("stops.txt", files.get("stops.txt").replaceAll("(?m)^([A-Z]{3}),", "X$1,"));

        GtfsFormatException e = refused(files);

        assertThat(e.file()).isEqualTo("stops.txt");
        assertThat(e.line()).isGreaterThan(1);
        assertThat(e.field()).isEqualTo("stop_id");
        assertThat(e.getMessage()).contains("no stop of the feed matches a point of any network served");
    }

    @Test
    void aFeedMatchingSeveralNetworksIsRefusedUntilOneIsNamed() {
        ImportNetwork home = ShippedNetworks.get(ShippedNetworks.CHINA_LAOS).network();
        ImportNetwork twin = new ImportNetwork(
                "china-laos-twin", home.network(), home.operators(), home.coordinates(), home.defaultTrainType());

        GtfsFormatException e = catchThrowableOfType(
                GtfsFormatException.class, () -> importer.read(Zips.zip(feed()), List.of(home, twin)));

        assertThat(e.file()).isEqualTo("stops.txt");
        assertThat(e.field()).isEqualTo("stop_id");
        assertThat(e.getMessage()).contains("several networks (china-laos, china-laos-twin)");
        assertThat(importer.read(Zips.zip(feed()), List.of(twin)).network()).isEqualTo("china-laos-twin");
    }

    @Test
    void anAgencyIsFoundByItsNameAndAnUnknownNameIsRefused() {
        Map<String, String> files = feed();
        files.put("agency.txt", files.get("agency.txt").replace("\nLCR,", "\nLAOCHINA,"));
        files.put("routes.txt", files.get("routes.txt").replace(",LCR,", ",LAOCHINA,"));
        assertThat(read(files).timetable().train("C82").orElseThrow().operator().code())
                .isEqualTo("LCR");

        String agency = files.get("agency.txt");
        files.put("agency.txt", agency.replace("\nLAOCHINA,Laos-China Railway Company,", "\n,Mekong Express,"));
        GtfsFormatException e = refused(files);

        assertThat(e.file()).isEqualTo("agency.txt");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("agency_name");
        assertThat(e.getMessage())
                .contains("'Mekong Express' is not an operator")
                .contains("Laos-China Railway");
    }

    @Test
    void calendarDatesAloneGiveTheExactCalendar() {
        Map<String, String> files = feed();
        String service = "1111111_20270101_20271231";
        files.remove("calendar.txt");
        StringBuilder dates = new StringBuilder("service_id,date,exception_type\n");
        // the weekends (Friday to Sunday) of the first three weeks of 2027: 1 January 2027 is a Friday
        for (LocalDate d = LocalDate.of(2027, 1, 1); d.isBefore(LocalDate.of(2027, 1, 22)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) >= 0) {
                dates.append(service)
                        .append(',')
                        .append(GtfsExporter.GTFS_DATE.format(d))
                        .append(",1\n");
            }
        }
        files.put("calendar_dates.txt", dates.toString());
        files.put("trips.txt", files.get("trips.txt").replaceAll(",[01]{7}_\\d{8}_\\d{8},", "," + service + ","));

        ServiceCalendar c = read(files).timetable().train("D887").orElseThrow().calendar();

        assertThat(c)
                .isEqualTo(new ServiceCalendar(
                        LocalDate.of(2027, 1, 1),
                        LocalDate.of(2027, 1, 17),
                        EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)));
    }

    @Test
    void exceptionsThatKeepOneRangeAndWeekdaysAreApplied() {
        Map<String, String> files = feed();
        String daily = "1111111_20270101_20271231";
        // every Sunday removed, and one day added after the end: Monday to Saturday until 1 January 2028
        StringBuilder dates = new StringBuilder("service_id,date,exception_type\n");
        for (LocalDate d = LocalDate.of(2027, 1, 3); d.getYear() == 2027; d = d.plusWeeks(1)) {
            dates.append(daily)
                    .append(',')
                    .append(GtfsExporter.GTFS_DATE.format(d))
                    .append(",2\n");
        }
        dates.append(daily).append(",20280101,1\n");
        files.put("calendar_dates.txt", dates.toString());

        ServiceCalendar c = read(files).timetable().train("D887").orElseThrow().calendar();

        assertThat(c.startDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(c.endDate()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(c.days()).doesNotContain(DayOfWeek.SUNDAY).hasSize(6);
    }

    @Test
    void aGapNoCalendarCanSayIsRefusedNamingTheServiceAndTheDay() {
        Map<String, String> files = feed();
        String dates = "service_id,date,exception_type\n1111111_20270101_20271231,20270210,1\n"
                + "1111111_20270101_20271231,20270211,2\n";
        files.put("calendar_dates.txt", dates);

        GtfsFormatException e = refused(files);

        assertThat(e.file()).isEqualTo("calendar_dates.txt");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("service_id");
        assertThat(e.getMessage()).contains("'1111111_20270101_20271231'").contains("2027-02-11");
    }

    @Test
    void anUnknownExceptionTypeIsRefused() {
        Map<String, String> files = feed();
        files.put("calendar_dates.txt", "service_id,date,exception_type\n1111111_20270101_20271231,20270210,3\n");

        GtfsFormatException e = refused(files);

        assertThat(e.file()).isEqualTo("calendar_dates.txt");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("exception_type");
    }

    @Test
    void aServiceWhoseExceptionsRemoveEveryDayIsRefused() {
        Map<String, String> files = feed();
        files.remove("calendar.txt");
        files.put("calendar_dates.txt", "service_id,date,exception_type\n1111111_20270101_20271231,20270210,2\n");

        GtfsFormatException e = refused(files);

        assertThat(e.file()).isEqualTo("calendar_dates.txt");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("service_id");
        assertThat(e.getMessage()).contains("runs on no day");
    }

    @Test
    void aServiceOrAStopGivenTwiceIsRefused() {
        Map<String, String> files = feed();
        String calendar = files.get("calendar.txt");
        String row = calendar.lines().skip(1).findFirst().orElseThrow();
        files.put("calendar.txt", calendar + row + "\n");
        GtfsFormatException e = refused(files);
        assertThat(e.file()).isEqualTo("calendar.txt");
        assertThat(e.line()).isEqualTo((int) calendar.lines().count() + 1);
        assertThat(e.field()).isEqualTo("service_id");

        Map<String, String> stops = feed();
        String text = stops.get("stops.txt");
        stops.put("stops.txt", text + text.lines().skip(1).findFirst().orElseThrow() + "\n");
        GtfsFormatException twice = refused(stops);
        assertThat(twice.file()).isEqualTo("stops.txt");
        assertThat(twice.line()).isEqualTo((int) text.lines().count() + 1);
        assertThat(twice.field()).isEqualTo("stop_id");
    }

    @Test
    void blankTimesBetweenTimedStopsAreInterpolatedByChainage() {
        Map<String, String> files = feed();
        String text = files.get("stop_times.txt");
        List<String> d887 = text.lines().filter(l -> l.startsWith("D887,")).toList();
        String middle = d887.get(2);
        String[] f = middle.split(",");
        files.put("stop_times.txt", text.replace(middle, f[0] + ",,," + f[3] + "," + f[4] + ",0"));
        Train original = read(feed()).timetable().train("D887").orElseThrow();

        GtfsImport read = read(files);

        Network network =
                ShippedNetworks.get(ShippedNetworks.CHINA_LAOS).network().network();
        Call before = original.calls().get(1);
        Call after = original.calls().get(3);
        double share = (km(network, f[3]) - km(network, before.pointCode()))
                / (km(network, after.pointCode()) - km(network, before.pointCode()));
        Duration expected = before.departure()
                .plusSeconds(
                        Math.round(after.arrival().minus(before.departure()).getSeconds() * share));
        Call interpolated = read.timetable().train("D887").orElseThrow().calls().get(2);
        assertThat(interpolated.pointCode()).isEqualTo(f[3]);
        assertThat(interpolated.arrival()).isEqualTo(expected).isEqualTo(interpolated.departure());
        assertThat(read.notes())
                .singleElement()
                .asString()
                .contains("D887")
                .contains(f[3])
                .contains("chainage");
    }

    private static double km(Network network, String code) {
        return network.point(code).orElseThrow().km();
    }

    @Test
    void aBlankTimeAtTheFirstStopIsRefused() {
        Map<String, String> files = feed();
        String text = files.get("stop_times.txt");
        String first =
                text.lines().filter(l -> l.startsWith("D887,")).findFirst().orElseThrow();
        String[] f = first.split(",");
        files.put("stop_times.txt", text.replace(first, f[0] + ",,," + f[3] + "," + f[4] + ",0"));

        GtfsFormatException e = refused(files);

        assertThat(e.file()).isEqualTo("stop_times.txt");
        assertThat(e.line()).isEqualTo(lineOf(text, first));
        assertThat(e.field()).isEqualTo("departure_time");
        assertThat(e.getMessage()).contains("first stop");
    }

    @Test
    void tripsByFrequencyAreRefused() {
        Map<String, String> files = feed();
        files.put("frequencies.txt", "trip_id,start_time,end_time,headway_secs\nD887,08:00:00,12:00:00,3600\n");

        GtfsFormatException e = refused(files);

        assertThat(e.file()).isEqualTo("frequencies.txt");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("trip_id");
    }

    @Test
    void twoTripsOfOneTrainNumberAreRefused() {
        Map<String, String> files = feed();
        String trips = files.get("trips.txt");
        String c82 = trips.lines().filter(l -> l.contains(",C82,")).findFirst().orElseThrow();
        String d887 =
                trips.lines().filter(l -> l.contains(",D887,")).findFirst().orElseThrow();
        String[] f = d887.split(",", -1);
        f[4] = "C82"; // trip_short_name
        files.put("trips.txt", trips.replace(d887, String.join(",", f)));

        GtfsFormatException e = refused(files);

        assertThat(e.file()).isEqualTo("trips.txt");
        assertThat(e.line()).isEqualTo(Math.max(lineOf(trips, c82), lineOf(trips, d887)));
        assertThat(e.field()).isEqualTo("trip_short_name");
        assertThat(e.getMessage()).contains("train C82");
    }

    @Test
    void aTrainGivenAsWeekdayAndWeekendTripsIsOneTrainAndAGapBetweenThemIsRefused() {
        Map<String, String> files = weekdaysAndWeekends("20271231");

        GtfsImport read = read(files);

        assertThat(read.timetable().trains())
                .filteredOn(t -> t.number().equals("D887"))
                .hasSize(1);
        assertThat(read.timetable().train("D887").orElseThrow().calendar())
                .isEqualTo(ServiceCalendar.daily(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
        assertThat(read.notes()).anySatisfy(n -> assertThat(n).contains("train D887"));

        Map<String, String> gap = weekdaysAndWeekends("20270630");
        GtfsFormatException e = refused(gap);
        assertThat(e.file()).isEqualTo("trips.txt");
        assertThat(e.line()).isEqualTo(lineOf(gap.get("trips.txt"), "D887-weekend"));
        assertThat(e.field()).isEqualTo("trip_short_name");
        assertThat(e.getMessage()).contains("train D887").contains("2027-07-03");
    }

    /** D887 as two trips: Monday to Friday all year, Saturday and Sunday until {@code weekendsEnd}. */
    private static Map<String, String> weekdaysAndWeekends(String weekendsEnd) {
        Map<String, String> files = feed();
        files.put(
                "calendar.txt",
                files.get("calendar.txt") + "weekdays,1,1,1,1,1,0,0,20270101,20271231\n"
                        + "weekends,0,0,0,0,0,1,1,20270101," + weekendsEnd + "\n");
        String trips = files.get("trips.txt");
        String d887 =
                trips.lines().filter(l -> l.contains(",D887,")).findFirst().orElseThrow();
        String weekdays = d887.replaceFirst(",[01]{7}_\\d{8}_\\d{8},", ",weekdays,");
        String weekends =
                d887.replaceFirst(",[01]{7}_\\d{8}_\\d{8},", ",weekends,").replaceFirst(",D887,", ",D887-weekend,");
        files.put("trips.txt", trips.replace(d887, weekdays) + weekends + "\n");
        String times = files.get("stop_times.txt");
        String more = times.lines()
                .filter(l -> l.startsWith("D887,"))
                .map(l -> l.replaceFirst("D887,", "D887-weekend,") + "\n")
                .reduce("", String::concat);
        files.put("stop_times.txt", times + more);
        return files;
    }

    @Test
    void aPlatformIsItsStationsPointAndAnUnknownParentIsRefused() {
        Map<String, String> files = feed();
        String stops = files.get("stops.txt").replace("stop_timezone\n", "stop_timezone,parent_station\n");
        stops = stops.replaceAll("(?m)^(.*Asia/[A-Za-z]+)$", "$1,");
        stops += "LPB-2,Platform 2,19.9,102.1,Asia/Vientiane,LPB\n";
        files.put("stops.txt", stops);
        files.put("stop_times.txt", files.get("stop_times.txt").replace(",LPB,", ",LPB-2,"));

        GtfsImport read = read(files);

        assertThat(read.timetable().train("D887").orElseThrow().calls())
                .extracting(Call::pointCode)
                .contains("LPB");
        assertThat(read.stops())
                .filteredOn(s -> s.stopId().equals("LPB-2"))
                .singleElement()
                .satisfies(s -> assertThat(s.how()).startsWith("parent_station LPB"));

        String loop = stops.replace(",Asia/Vientiane,LPB\n", ",Asia/Vientiane,LPB-3\n")
                + "LPB-3,Platform 3,19.9,102.1,Asia/Vientiane,LPB-2\n";
        files.put("stops.txt", loop);
        GtfsFormatException circle = refused(files);
        assertThat(circle.file()).isEqualTo("stops.txt");
        assertThat(circle.field()).isEqualTo("parent_station");
        assertThat(circle.getMessage()).contains("nest");

        files.put("stops.txt", stops.replace(",Asia/Vientiane,LPB\n", ",Asia/Vientiane,LPX\n"));
        GtfsFormatException e = refused(files);
        assertThat(e.file()).isEqualTo("stops.txt");
        assertThat(e.line()).isEqualTo(lineOf(stops, "LPB-2"));
        assertThat(e.field()).isEqualTo("parent_station");
    }
}
