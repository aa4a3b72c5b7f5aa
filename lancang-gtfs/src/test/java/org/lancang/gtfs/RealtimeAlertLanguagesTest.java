package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.transit.realtime.GtfsRealtime.Alert;
import com.google.transit.realtime.GtfsRealtime.FeedMessage;
import com.google.transit.realtime.GtfsRealtime.TranslatedString;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.operations.CallForecast;
import org.lancang.operations.TrainForecast;
import org.lancang.operations.TrainPriority;
import org.lancang.timetable.Train;

/**
 * A delay alert is written in English, Chinese and Lao, and in each more language the network's own points are named
 * in: the Bangkok line's in Thai too, with the Thai name of the station; the China–Laos line's, which has no Thai
 * names, in the three alone.
 */
class RealtimeAlertLanguagesTest {
    private static final Instant DEPARTURE = Instant.parse("2026-12-05T14:25:00Z");
    private static final long LATE_MINUTES = 37;

    @Test
    void theBangkokLinesAlertIsAlsoInThaiNamingTheStationInThai() {
        ShippedNetworks.Shipped shipped = ShippedNetworks.get(ShippedNetworks.VIENTIANE_BANGKOK);
        Network network = shipped.network().network();
        Train train = firstPassengerTrain(shipped);
        Alert alert = alertOf(shipped, train);

        for (TranslatedString text : List.of(alert.getHeaderText(), alert.getDescriptionText())) {
            Map<String, String> byLanguage = byLanguage(text);
            assertThat(byLanguage.keySet()).containsExactly("en", "zh", "lo", "th");
            assertThat(byLanguage.get("th"))
                    .containsPattern("[\\u0E01-\\u0E5B]")
                    .contains(train.number())
                    .contains(String.valueOf(LATE_MINUTES));
        }
        String destination = train.calls().get(train.calls().size() - 1).pointCode();
        String thaiName =
                network.point(destination).orElseThrow().names().more().get("th");
        assertThat(thaiName).as("the data names %s in Thai", destination).isNotBlank();
        assertThat(byLanguage(alert.getDescriptionText()).get("th")).contains(thaiName);
        assertThat(byLanguage(alert.getDescriptionText()).get("en"))
                .contains(network.point(destination).orElseThrow().names().en());
    }

    @Test
    void aNetworkWithoutThaiNamesAlertsInTheThreeLanguagesAlone() {
        ShippedNetworks.Shipped shipped = ShippedNetworks.get(ShippedNetworks.CHINA_LAOS);
        assertThat(shipped.network().network().points())
                .allSatisfy(p -> assertThat(p.names().more()).doesNotContainKey("th"));
        Alert alert = alertOf(shipped, firstPassengerTrain(shipped));
        assertThat(byLanguage(alert.getHeaderText()).keySet()).containsExactly("en", "zh", "lo");
        assertThat(byLanguage(alert.getDescriptionText()).keySet()).containsExactly("en", "zh", "lo");
    }

    private static Train firstPassengerTrain(ShippedNetworks.Shipped shipped) {
        return shipped.timetable().trains().stream()
                .filter(Train::passenger)
                .findFirst()
                .orElseThrow();
    }

    /** The alert of the train forecast {@link #LATE_MINUTES} late at its destination. */
    private static Alert alertOf(ShippedNetworks.Shipped shipped, Train train) {
        Network network = shipped.network().network();
        RealtimeFeeds feeds = new RealtimeFeeds(
                network, shipped.timetable(), shipped.network().coordinates());
        String from = train.calls().get(0).pointCode();
        String to = train.calls().get(train.calls().size() - 1).pointCode();
        Instant arrival = DEPARTURE.plus(Duration.ofHours(12).plusMinutes(LATE_MINUTES));
        CallForecast first = new CallForecast(
                from,
                network.point(from).orElseThrow().timeZone(),
                true,
                null,
                DEPARTURE,
                null,
                null,
                null,
                DEPARTURE,
                0,
                0,
                null);
        TrainForecast run = new TrainForecast(
                train.number(),
                LocalDate.of(2026, 12, 5),
                TrainPriority.PASSENGER,
                from,
                to,
                null,
                0,
                arrival,
                LATE_MINUTES * 60,
                List.of(first));
        FeedMessage feed = feeds.alerts(List.of(run), DEPARTURE);
        assertThat(feed.getEntityCount()).as("one late run, one alert").isEqualTo(1);
        return feed.getEntity(0).getAlert();
    }

    private static Map<String, String> byLanguage(TranslatedString text) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        text.getTranslationList().forEach(t -> byLanguage.put(t.getLanguage(), t.getText()));
        return byLanguage;
    }
}
