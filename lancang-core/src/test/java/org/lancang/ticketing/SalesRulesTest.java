package org.lancang.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.testing.Ref;
import org.lancang.testing.ReferenceFiles;

/** The sales window, the refund fee and the passenger's document rules. */
class SalesRulesTest {
    private static final ZoneId LAOS = ZoneId.of("Asia/Vientiane");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final TravelDocuments DOCUMENTS = TravelDocuments.of(ReferenceFiles.chinaLaos());

    /** The documents of a journey along the stops (station codes) of the China–Laos line. */
    private static JourneyDocuments along(String... stops) {
        return DOCUMENTS.forJourney(
                Ref.NETWORK,
                List.of(stops).stream()
                        .map(c -> Ref.NETWORK.point(c).orElseThrow())
                        .toList());
    }

    @Test
    void crTrainsSell15DaysAheadLcrTrains7UntilDeparture() {
        SalesWindow w = SalesWindow.of(Ref.OPERATORS);
        Instant now = LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(CHINA).toInstant();
        LocalDate d15 = LocalDate.of(2026, 12, 16);
        assertThat(w.onSale(Ref.CR_KUNMING, d15, d15.atTime(8, 8).atZone(CHINA).toInstant(), CHINA, now))
                .isTrue();
        assertThat(w.onSale(
                        Ref.CR_KUNMING,
                        d15.plusDays(1),
                        d15.plusDays(1).atTime(8, 8).atZone(CHINA).toInstant(),
                        CHINA,
                        now))
                .isFalse();
        LocalDate d8 = LocalDate.of(2026, 12, 9);
        assertThat(w.onSale(Ref.LCR, d8, d8.atTime(8, 0).atZone(LAOS).toInstant(), LAOS, now))
                .isFalse();
        assertThat(w.onSale(
                        Ref.LCR,
                        d8.minusDays(1),
                        d8.minusDays(1).atTime(8, 0).atZone(LAOS).toInstant(),
                        LAOS,
                        now))
                .isTrue();
        Instant departed = now.minusSeconds(60);
        assertThatThrownBy(() -> w.check(Ref.LCR, LocalDate.of(2026, 12, 1), departed, LAOS, now, "date"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("date"));
    }

    @Test
    void theRefundFeeFollowsTheTimeBeforeDeparture() {
        RefundRules r = RefundRules.defaults();
        assertThat(r.feePercent(Ref.LCR, Duration.ofDays(9))).isZero();
        assertThat(r.feePercent(Ref.LCR, Duration.ofDays(8))).isZero();
        assertThat(r.feePercent(Ref.LCR, Duration.ofDays(3))).isEqualTo(5);
        assertThat(r.feePercent(Ref.LCR, Duration.ofHours(48))).isEqualTo(5);
        assertThat(r.feePercent(Ref.CR_KUNMING, Duration.ofHours(30))).isEqualTo(10);
        assertThat(r.feePercent(Ref.CR_KUNMING, Duration.ofHours(2))).isEqualTo(20);
        assertThat(r.feePercent(Ref.CR_KUNMING, Duration.ofMinutes(-1))).isEqualTo(100);
    }

    @Test
    void aCrossBorderJourneyNeedsAPassportValidOnTheTravelDate() {
        LocalDate travel = LocalDate.of(2026, 12, 10);
        LocalDate today = LocalDate.of(2026, 12, 1);
        Passenger withId = new Passenger(
                "Wang Fang", "CHINESE_RESIDENT_ID", "530102199001011234", "CHN", LocalDate.of(1990, 1, 1), null);
        Validation v = new Validation();
        Passenger.check(v, "passengers[0].", withId, travel, along("KMS", "VTE"), today);
        assertThatThrownBy(v::throwIfInvalid)
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("passengers[0].documentType"));
        Validation domestic = new Validation();
        Passenger.check(domestic, "", withId, travel, along("KMS", "XSB"), today);
        assertThat(domestic.hasErrors()).isFalse();

        Passenger expired =
                new Passenger("Somsak", "PASSPORT", "P1234567", "LAO", LocalDate.of(1985, 5, 5), travel.minusDays(1));
        Validation e = new Validation();
        Passenger.check(e, "", expired, travel, along("KMS", "VTE"), today);
        assertThatThrownBy(e::throwIfInvalid)
                .isInstanceOfSatisfying(
                        InvalidInput.class, x -> assertThat(x.field()).isEqualTo("documentExpiry"));

        Passenger longName = new Passenger(
                "x".repeat(10_000), "PASSPORT", "P1234567", "LAO", LocalDate.of(1985, 5, 5), travel.plusYears(1));
        Validation n = new Validation();
        Passenger.check(n, "", longName, travel, along("KMS", "VTE"), today);
        assertThatThrownBy(n::throwIfInvalid)
                .isInstanceOfSatisfying(
                        InvalidInput.class, x -> assertThat(x.field()).isEqualTo("name"));
    }

    @Test
    void theDocumentKeyIgnoresCaseAndBlanks() {
        Passenger a = new Passenger("A", "PASSPORT", " p1234567 ", "LAO", LocalDate.of(1990, 1, 1), null);
        Passenger b = new Passenger("B", "PASSPORT", "P1234567", "LAO", LocalDate.of(1990, 1, 1), null);
        assertThat(a.documentKey()).isEqualTo(b.documentKey());
    }
}
