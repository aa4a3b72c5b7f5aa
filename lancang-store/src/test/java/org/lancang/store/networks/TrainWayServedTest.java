package org.lancang.store.networks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lancang.money.Money;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.ticketing.fares.FareQuote;

/**
 * The fares a served network gives (the path of the API's fares) are on the train asked for, along its own way: the
 * core's loop network, where V1 runs Pago → Rho round the loop through Yola (via) and S1 straight along the main line.
 */
class TrainWayServedTest {
    private static final ServedNetwork LOOP = ServedNetwork.fromFiles(TestNetworkFolder.loop());

    private static FareQuote quote(String train, String from, String to) {
        return LOOP.quote(from, to, train, SeatClass.SECOND, null, WorldCurrencies.CNY);
    }

    @Test
    void theViaTrainPaysTheLoopAndTheOtherTheMainLine() {
        double mainLine = 70 - 0; // Pago km 0 to Rho km 70
        double roundTheLoop = (20 - 0) + (60 - 0) + (70 - 50); // Pago – Xeno, Xeno – Quill on the loop, Quill – Rho
        assertThat(quote("V1", "QP", "QR").parts())
                .singleElement()
                .satisfies(p -> assertThat(p.km()).isEqualTo(roundTheLoop));
        assertThat(quote("S1", "QP", "QR").parts())
                .singleElement()
                .satisfies(p -> assertThat(p.km()).isEqualTo(mainLine));
        // the folder's tariff: 0.5 CNY a km
        assertThat(quote("V1", "QP", "QR").total())
                .isEqualTo(Money.of(String.valueOf(roundTheLoop * 0.5), WorldCurrencies.CNY));
        assertThat(quote("V1", "QX", "QQ").total())
                .isGreaterThan(quote("S1", "QX", "QQ").total());
    }
}
