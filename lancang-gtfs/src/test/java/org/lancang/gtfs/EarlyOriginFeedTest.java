package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.transit.realtime.GtfsRealtime.FeedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.network.NetworkParser;
import org.lancang.operations.CallForecast;
import org.lancang.operations.TrainForecast;
import org.lancang.operations.TrainPriority;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;

/**
 * A train that leaves a station whose zone is ahead of the feed's zone just after local midnight leaves on the feed
 * zone's day before: a stranger's network (Kolari, UTC+2, on a feed in Europe/Oslo, UTC+1) made the whole static and
 * realtime feed a 500 with "the time falls before the service day". Here the reference line with its feed put on Lao
 * time, and a Chinese train leaving Kunming at 00:30 Beijing time (23:30 Lao time the day before): its trip is on the
 * feed's day before, at the same instants, read back as the same train, and named by that day in the realtime feed.
 */
class EarlyOriginFeedTest {
    private static final ZoneId FEED_ZONE = Fixtures.LAOS;
    private static final LocalDate RUN = LocalDate.of(2027, 1, 1);

    @Test
    void aTrainLeavingBeforeTheFeedsDayIsOnTheDayBeforeAtTheSameInstants() throws IOException {
        Network network = networkOnLaoTime();
        assertThat(network.feedZone()).isEqualTo(FEED_ZONE);
        Train early = early();
        Timetable timetable = new Timetable(List.of(early));
        SortedMap<String, String> files = exporter(network).files(network, timetable, Fixtures.feedInfo());

        // every departure from Kunming the feed gives, as an instant, is one the train makes, and none is missing
        TreeSet<Instant> fromFeed = new TreeSet<>();
        String service = column(row(files.get("trips.txt"), "trip_id", "D999"), files.get("trips.txt"), "service_id");
        assertThat(files.get("calendar.txt").lines().findFirst().orElseThrow())
                .as("the columns read by position below")
                .isEqualTo("service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date");
        String[] calendar = row(files.get("calendar.txt"), "service_id", service);
        String firstTime = column(
                row(files.get("stop_times.txt"), "trip_id", "D999"), files.get("stop_times.txt"), "departure_time");
        LocalDate start = LocalDate.parse(calendar[8], GtfsExporter.GTFS_DATE);
        LocalDate end = LocalDate.parse(calendar[9], GtfsExporter.GTFS_DATE);
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (calendar[d.getDayOfWeek().getValue()].equals("1")) {
                fromFeed.add(gtfsInstant(d, GtfsTime.parse(firstTime)));
            }
        }
        TreeSet<Instant> fromTrain = new TreeSet<>();
        for (LocalDate d = early.calendar().startDate();
                !d.isAfter(early.calendar().endDate());
                d = d.plusDays(1)) {
            if (early.calendar().runsOn(d)) {
                fromTrain.add(early.at(d, early.first().departure()));
            }
        }
        assertThat(fromFeed).isEqualTo(fromTrain);

        GtfsValidatorTest.Report report = GtfsValidatorTest.validate(Zips.zip(files), "early-origin", RUN, "CN");
        assertThat(report.errors())
                .as("validator errors:\n%s", String.join("\n", report.errors()))
                .isEmpty();

        Train back = new GtfsImporter()
                .read(Zips.zip(files), List.of(importNetwork(network)))
                .timetable()
                .train("D999")
                .orElseThrow();
        assertThat(back.calendar()).isEqualTo(early.calendar());
        assertThat(back.calls()).containsExactlyElementsOf(early.calls());
    }

    @Test
    void theRealtimeFeedNamesTheRunByTheStaticTripsDay() {
        Network network = networkOnLaoTime();
        Train early = early();
        RealtimeFeeds feeds = new RealtimeFeeds(network, new Timetable(List.of(early)), StopCoordinates.bundled());
        Instant departure = early.at(RUN, early.first().departure());
        LocalDate feedDay = departure.atZone(FEED_ZONE).toLocalDate();
        assertThat(feedDay).as("the run leaves on the feed zone's day before").isEqualTo(RUN.minusDays(1));
        List<CallForecast> calls = early.calls().stream()
                .map(c -> new CallForecast(
                        c.pointCode(),
                        network.point(c.pointCode()).orElseThrow().timeZone(),
                        true,
                        early.at(RUN, c.arrival()),
                        early.at(RUN, c.departure()),
                        null,
                        null,
                        early.at(RUN, c.arrival()),
                        early.at(RUN, c.departure()),
                        0,
                        0,
                        null))
                .toList();
        TrainForecast run = new TrainForecast(
                "D999",
                RUN,
                TrainPriority.PASSENGER,
                "KMS",
                "XSB",
                null,
                0,
                early.at(RUN, early.last().arrival()),
                0,
                calls);

        FeedMessage updates = feeds.tripUpdates(List.of(run), departure);

        assertThat(updates.getEntity(0).getTripUpdate().getTrip().getStartDate())
                .isEqualTo(GtfsExporter.GTFS_DATE.format(feedDay));
    }

    /** Kunming 00:30 Beijing time → Xishuangbanna, Friday to Sunday through 2027. */
    private static Train early() {
        ServiceCalendar weekends = new ServiceCalendar(
                RUN, Fixtures.END, EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        return Fixtures.train(
                "D999",
                Operator.valueOf("CR_KUNMING"),
                "CR200J",
                true,
                weekends,
                Fixtures.CHINA,
                "KMS - 00:30",
                "YXI 01:07 01:10",
                "PUE 02:38 02:42",
                "XSB 03:20 -");
    }

    /** The reference network with its feed zone put on Lao time (behind Beijing time), all else as shipped. */
    private static Network networkOnLaoTime() {
        Path dir = Path.of("..", "data", "china-laos");
        return NetworkParser.parse(name -> {
            try {
                String text = Files.readString(dir.resolve(name));
                return name.equals("network.csv") ? onLaoTime(text) : text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String onLaoTime(String networkCsv) {
        List<String> lines = networkCsv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int feedZone = header.indexOf("feed_zone");
        String[] row = lines.get(1).split(",", -1);
        assertThat(row[feedZone]).isEqualTo(Fixtures.CHINA.getId());
        row[feedZone] = FEED_ZONE.getId();
        return lines.get(0) + "\n" + String.join(",", row) + "\n";
    }

    private static GtfsExporter exporter(Network network) {
        return new GtfsExporter(StopCoordinates.bundled(), operators(network));
    }

    private static ImportNetwork importNetwork(Network network) {
        return new ImportNetwork(network.code(), network, operators(network), StopCoordinates.bundled(), "CR200J");
    }

    private static Operators operators(Network network) {
        try {
            return Operators.parse(
                    Operators.FILE, Files.readString(Path.of("..", "data", "china-laos", Operators.FILE)), network);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GTFS time on a service day: counted from noon minus 12 h of that day in the feed zone. */
    private static Instant gtfsInstant(LocalDate day, Duration time) {
        return day.atTime(LocalTime.NOON)
                .atZone(FEED_ZONE)
                .toInstant()
                .minus(Duration.ofHours(12))
                .plus(time);
    }

    /** The first row of a file (no quoted commas in these) whose {@code column} is {@code value}. */
    private static String[] row(String file, String column, String value) {
        List<String> lines = file.lines().toList();
        int i = List.of(lines.get(0).split(",")).indexOf(column);
        return lines.stream()
                .skip(1)
                .map(l -> l.split(",", -1))
                .filter(r -> r[i].equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " " + value));
    }

    private static String column(String[] row, String file, String column) {
        return row[List.of(file.lines().findFirst().orElseThrow().split(",")).indexOf(column)];
    }
}
