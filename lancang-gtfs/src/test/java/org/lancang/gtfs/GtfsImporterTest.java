package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.lancang.data.CsvTable;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;

/** A broken feed is refused with an error naming the file, the line and the field. */
class GtfsImporterTest {
    private final GtfsImporter importer = new GtfsImporter();

    /** The fixture feed with one file changed, imported; the error it raises. */
    private GtfsFormatException importBroken(String file, UnaryOperator<String> change) {
        Map<String, String> files = Zips.fixtureFiles();
        files.put(file, change.apply(files.get(file)));
        return catchThrowableOfType(
                GtfsFormatException.class, () -> importer.importFeed(Zips.zip(files), Fixtures.network()));
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aMissingFileIsNamed() {
        Map<String, String> files = Zips.fixtureFiles();
        files.remove("stop_times.txt");

        GtfsFormatException e = catchThrowableOfType(
                GtfsFormatException.class, () -> importer.importFeed(Zips.zip(files), Fixtures.network()));

        assertThat(e.file()).isEqualTo("stop_times.txt");
        assertThat(e.line()).isEqualTo(GtfsFormatException.WHOLE_FILE);
        assertThat(e).hasMessage("stop_times.txt: the file is missing from the feed");
    }

    @Test
    void aMissingColumnIsNamedOnTheHeaderLine() {
        GtfsFormatException e = importBroken("stop_times.txt", t -> t.replaceFirst("arrival_time", "arrival"));

        assertThat(e.file()).isEqualTo("stop_times.txt");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("arrival_time");
        assertThat(e).hasMessage("stop_times.txt:1: field 'arrival_time': required column missing from the header");
    }

    @Test
    void aBadTimeIsNamedWithItsLineAndField() {
        String text = Zips.fixtureFiles().get("stop_times.txt");
        String row = "D887,12:30:00,13:30:00,MHN,5,1";
        assertThat(text).contains(row);

        GtfsFormatException e = importBroken("stop_times.txt", t -> t.replace(row, "D887,12:30:00,13:75:00,MHN,5,1"));

        assertThat(e.file()).isEqualTo("stop_times.txt");
        assertThat(e.line()).isEqualTo(lineOf(text, row));
        assertThat(e.field()).isEqualTo("departure_time");
        assertThat(e.getMessage())
                .startsWith("stop_times.txt:" + lineOf(text, row) + ": field 'departure_time': ")
                .contains("13:75:00");
    }

    @Test
    void textThatIsNoTimeIsRefused() {
        GtfsFormatException e = importBroken(
                "stop_times.txt", t -> t.replace("D887,12:30:00,13:30:00,MHN", "D887,half past noon,13:30:00,MHN"));

        assertThat(e.field()).isEqualTo("arrival_time");
        assertThat(e.getMessage()).contains("'half past noon' is not a time in the form HH:MM:SS");
    }

    @Test
    void anUnknownStopCodeIsNamedWithItsLine() {
        String text = Zips.fixtureFiles().get("stop_times.txt");
        String row = "C82,09:31:00,09:33:00,PHH,2,1";
        assertThat(text).contains(row);

        GtfsFormatException e = importBroken("stop_times.txt", t -> t.replace(row, "C82,09:31:00,09:33:00,PHX,2,1"));

        assertThat(e.file()).isEqualTo("stop_times.txt");
        assertThat(e.line()).isEqualTo(lineOf(text, row));
        assertThat(e.field()).isEqualTo("stop_id");
        assertThat(e.getMessage()).contains("'PHX' is not a stop in stops.txt");
    }

    @Test
    void aStopOfTheFeedThatIsNotInTheNetworkIsRefusedWithTheNearestNames() {
        Map<String, String> files = Zips.fixtureFiles();
        String stops = files.get("stops.txt");
        String row = stops.lines().filter(l -> l.startsWith("PHH,")).findFirst().orElseThrow();
        // neither its code, nor its name, nor its position (the Gulf of Guinea) is a point of the line
        files.put("stops.txt", stops.replace(row, "PHQ,Phon Hongg,0.0,0.0,Asia/Vientiane"));
        files.put("stop_times.txt", files.get("stop_times.txt").replace(",PHH,", ",PHQ,"));

        GtfsFormatException e = catchThrowableOfType(
                GtfsFormatException.class, () -> importer.importFeed(Zips.zip(files), Fixtures.network()));

        assertThat(e.file()).isEqualTo("stops.txt");
        assertThat(e.line()).isEqualTo(lineOf(stops, row));
        assertThat(e.field()).isEqualTo("stop_id");
        assertThat(e.getMessage()).contains("'PHQ' (Phon Hongg)").contains("nearest names: Phon Hong (Phonhong) (PHH)");
    }

    @Test
    void timesGoingBackwardsAreRefused() {
        GtfsFormatException e = importBroken(
                "stop_times.txt", t -> t.replace("D887,12:30:00,13:30:00,MHN", "D887,10:30:00,13:30:00,MHN"));

        assertThat(e.field()).isEqualTo("arrival_time");
        assertThat(e.getMessage()).contains("before the departure from the previous stop");
    }

    @Test
    void anUnknownAgencyIsRefused() {
        GtfsFormatException e =
                importBroken("agency.txt", t -> t.replace("\nLCR,Laos-China Railway Company,", "\nLAO_RAIL,Lao Rail,"));

        assertThat(e.file()).isEqualTo("agency.txt");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("agency_id");
        assertThat(e.getMessage()).contains("CR_KUNMING, LCR");
    }

    @Test
    void aTripOnAnUnknownServiceIsRefused() {
        GtfsFormatException e = importBroken("trips.txt", t -> t.replace(",0000111_20270101_20271231,", ",weekends,"));

        assertThat(e.file()).isEqualTo("trips.txt");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("service_id");
    }

    @Test
    void aTripIdTwiceIsRefused() {
        GtfsFormatException e = importBroken(
                "trips.txt",
                t -> t + t.substring(t.indexOf("\nLCR-") + 1, t.indexOf('\n', t.indexOf("\nLCR-") + 1) + 1));

        assertThat(e.file()).isEqualTo("trips.txt");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("'C82' appears twice");
    }

    @Test
    void aBadDateIsRefused() {
        GtfsFormatException e = importBroken("calendar.txt", t -> t.replaceFirst(",20271231\n", ",20270231\n"));

        assertThat(e.file()).isEqualTo("calendar.txt");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("end_date");
    }

    @Test
    void calendarExceptionsAreRefusedRatherThanDropped() {
        Map<String, String> files = Zips.fixtureFiles();
        files.put("calendar_dates.txt", "service_id,date,exception_type\n1111111_20270101_20271231,20270210,2\n");

        GtfsFormatException e = catchThrowableOfType(
                GtfsFormatException.class, () -> importer.importFeed(Zips.zip(files), Fixtures.network()));

        assertThat(e.file()).isEqualTo("calendar_dates.txt");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void aTripLeavingBeforeItsOriginsMidnightIsTheTrainOfTheDayBefore() {
        // 00:30 Beijing time (the feed's) is 23:30 Lao time the day before: Lancang counts the Lao train's times
        // from its origin's midnight, so it is the train of the day before, leaving at 23:30, its calendar moved back
        Map<String, String> files = Zips.fixtureFiles();
        files.put(
                "stop_times.txt",
                files.get("stop_times.txt").replace("C82,09:00:00,09:00:00,VTE", "C82,00:30:00,00:30:00,VTE"));
        Train c82 = importer.importFeed(Zips.zip(files), Fixtures.network())
                .train("C82")
                .orElseThrow();

        Train given = Fixtures.c82(ServiceCalendar.daily(Fixtures.START, Fixtures.END));
        assertThat(c82.calendar()).isEqualTo(given.calendar().plusDays(-1));
        assertThat(c82.first().departure()).isEqualTo(Duration.ofHours(23).plusMinutes(30));
        assertThat(c82.at(c82.calendar().startDate(), c82.first().departure()))
                .isEqualTo(Instant.parse("2026-12-31T16:30:00Z"));
    }

    @Test
    void somethingThatIsNoZipIsRefused() {
        assertThatThrownBy(
                        () -> importer.importFeed("agency_id\n".getBytes(StandardCharsets.UTF_8), Fixtures.network()))
                .isInstanceOf(GtfsFormatException.class)
                .hasMessageContaining("(zip)");
    }

    @Test
    void aThirdPartyFeedWithoutTrainTypeOrShortNamesGetsTheDefaults() {
        Map<String, String> files = Zips.fixtureFiles();
        CsvWriter trips = new CsvWriter("route_id", "service_id", "trip_id", "trip_short_name");
        for (CsvTable.Row row : Zips.rows(files, "trips.txt")) {
            trips.row(row.text("route_id"), row.text("service_id"), row.text("trip_id"), "");
        }
        files.put("trips.txt", trips.text());
        // CRLF line ends and a byte-order mark, as some producers write them.
        files.put("stops.txt", "\uFEFF" + files.get("stops.txt").replace("\n", "\r\n"));

        Timetable back = importer.importFeed(Zips.zip(files), Fixtures.network());

        assertThat(back.trains()).hasSize(4);
        assertThat(back.trains()).extracting(Train::trainType).containsOnly(GtfsImporter.DEFAULT_TRAIN_TYPE);
        assertThat(back.train("D887")).isPresent();
    }
}
