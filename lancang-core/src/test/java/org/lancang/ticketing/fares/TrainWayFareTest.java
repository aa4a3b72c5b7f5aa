package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * A ticket on a train is priced on the km that train runs between boarding and alighting, its own way, not the
 * shortest. The loop test network: main line Pago km 0 – Xeno 20 – Quill 50 – Rho 70; beside it the loop Xeno km 0 –
 * Yola 30 – Quill 60, twice the main line's 30 km between Xeno and Quill. V1 runs Pago → Rho via Yola (round the loop),
 * S1 Pago → Rho with no via (along the main line). The folder's tariff is half a yuan a km.
 */
class TrainWayFareTest {
    private static final ReferenceFiles FILES = ReferenceFiles.loop();
    private static final Network NETWORK = ReferenceData.parse(FILES).network();
    private static final FareTable FARES = FolderFares.of(FILES, NETWORK);
    private static final List<TrainPlan> PLANS =
            TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"), NETWORK);

    /** The main line's km: Pago 0, Xeno 20, Quill 50, Rho 70. */
    private static final double PAGO_XENO = 20 - 0;

    private static final double XENO_QUILL_MAIN = 50 - 20;
    private static final double QUILL_RHO = 70 - 50;
    /** The loop's km: Xeno 0, Yola 30, Quill 60. */
    private static final double XENO_YOLA = 30 - 0;

    private static final double YOLA_QUILL = 60 - 30;

    private static TrainPlan train(String number) {
        return PLANS.stream().filter(p -> p.number().equals(number)).findFirst().orElseThrow();
    }

    private static FareQuote on(String train, String from, String to) {
        return FARES.quote(from, to, SeatClass.SECOND, train(train), null, WorldCurrencies.CNY)
                .orElseThrow();
    }

    private static double km(FareQuote q) {
        return q.parts().stream().mapToDouble(FarePart::km).sum();
    }

    @Test
    void theViaTrainIsPricedOnTheLoopAndTheOtherOnTheMainLine() {
        assertThat(train("V1").via()).containsExactly("QY");
        assertThat(train("S1").via()).isEmpty();
        double round = PAGO_XENO + XENO_YOLA + YOLA_QUILL + QUILL_RHO;
        double straight = PAGO_XENO + XENO_QUILL_MAIN + QUILL_RHO;

        FareQuote v1 = on("V1", "QP", "QR");
        assertThat(v1.parts()).singleElement().satisfies(p -> assertThat(p.km()).isEqualTo(round));
        assertThat(v1.total().major()).isEqualByComparingTo(BigDecimal.valueOf(round * 0.5));

        FareQuote s1 = on("S1", "QP", "QR");
        assertThat(km(s1)).isEqualTo(straight);
        assertThat(s1.total().major()).isEqualByComparingTo(BigDecimal.valueOf(straight * 0.5));
        assertThat(v1.total()).isGreaterThan(s1.total());
    }

    @Test
    void aStretchOfTheViaTrainIsPricedOnTheKmItRunsThere() {
        assertThat(km(on("V1", "QX", "QQ"))).isEqualTo(XENO_YOLA + YOLA_QUILL);
        assertThat(km(on("S1", "QX", "QQ"))).isEqualTo(XENO_QUILL_MAIN);
        assertThat(km(on("V1", "QP", "QY"))).isEqualTo(PAGO_XENO + XENO_YOLA);
        assertThat(km(on("V1", "QY", "QR"))).isEqualTo(YOLA_QUILL + QUILL_RHO);
        assertThat(km(on("V1", "QQ", "QR"))).as("past the loop, the same rails").isEqualTo(QUILL_RHO);
    }

    @Test
    void aQuoteWithNoTrainTakesTheShortestWay() {
        FareQuote none =
                FARES.quote("QP", "QR", SeatClass.SECOND, WorldCurrencies.CNY).orElseThrow();
        assertThat(km(none)).isEqualTo(PAGO_XENO + XENO_QUILL_MAIN + QUILL_RHO);
        FareQuote noTrain = FARES.quote("QX", "QQ", SeatClass.SECOND, null, null, WorldCurrencies.CNY)
                .orElseThrow();
        assertThat(km(noTrain)).isEqualTo(XENO_QUILL_MAIN);
    }

    @Test
    void aStopTheTrainDoesNotPassIsRefusedNamingTheField() {
        assertThatThrownBy(() -> on("S1", "QY", "QR"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> on("V1", "QR", "QP"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    }
}
