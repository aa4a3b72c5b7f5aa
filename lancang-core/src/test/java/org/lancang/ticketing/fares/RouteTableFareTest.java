package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;

/**
 * A published table prices its other pairs off a curve of fare against distance, each published pair at the length of
 * the route between its points, not their km difference (ADR 0033). The loop test network: main line Pago 0 – Xeno 20
 * – Quill 50 – Rho 70, the loop Xeno 0 – Yola 30 – Quill 60. Pago – Yola runs 20 km of the main line and 30 of the
 * loop: 50 km, though Yola's km (30) is only 30 more than Pago's (0).
 */
class RouteTableFareTest {
    private static final String HEADER =
            "kind,operator,seat_class,currency,from,to,amount,per_km,rounding,valid_from,source\n";
    /** Pago – Yola: 20 on the main line and 30 on the loop. */
    private static final double PAGO_YOLA_KM = 20 + 30;
    /** Pago – Rho on the main line. */
    private static final double PAGO_RHO_KM = 70;

    private static final BigDecimal PAGO_YOLA = new BigDecimal("25.00");
    private static final BigDecimal PAGO_RHO = new BigDecimal("35.00");

    private static FareTable fares(ReferenceFiles files) {
        return FolderFares.of(files, ReferenceData.parse(files).network());
    }

    private static ReferenceFiles table(ReferenceFiles files) {
        return files.with(
                "fares.csv",
                t -> HEADER + "TABLE,XA_RAIL,SECOND,CNY,QP,QY," + PAGO_YOLA + ",,0.5,2026-01-01,made up\n"
                        + "TABLE,XA_RAIL,SECOND,CNY,QP,QR," + PAGO_RHO + ",,0.5,2026-01-01,made up\n");
    }

    private static BigDecimal quote(FareTable fares, String from, String to) {
        return fares.quote(from, to, SeatClass.SECOND, WorldCurrencies.CNY)
                .orElseThrow()
                .total()
                .major();
    }

    /** The fare the curve through the two published points gives at {@code km}, rounded to half a yuan. */
    private static BigDecimal onTheCurve(double km) {
        double perKm = (PAGO_RHO.doubleValue() - PAGO_YOLA.doubleValue()) / (PAGO_RHO_KM - PAGO_YOLA_KM);
        double fare = PAGO_YOLA.doubleValue() + perKm * (km - PAGO_YOLA_KM);
        return BigDecimal.valueOf(Math.round(fare * 2) / 2.0);
    }

    @Test
    void publishedPairsSitOnTheCurveAtTheirRoutesLength() {
        FareTable fares = fares(table(ReferenceFiles.loop()));
        assertThat(quote(fares, "QP", "QY")).isEqualByComparingTo(PAGO_YOLA);
        assertThat(quote(fares, "QP", "QQ"))
                .as("Pago – Quill is 50 km like Pago – Yola, so it costs the same")
                .isEqualByComparingTo(PAGO_YOLA);
        assertThat(quote(fares, "QX", "QQ"))
                .as("Xeno – Quill, 30 km on the main line")
                .isEqualByComparingTo(onTheCurve(50 - 20));
        assertThat(quote(fares, "QX", "QR")).isEqualByComparingTo(onTheCurve(70 - 20));
    }

    @Test
    void aPublishedPairWithTwoRoutesOfOneLengthIsRefusedNamingTo() {
        // the loop shortened to the main line's 30 km between Xeno and Quill: two ways of one length
        ReferenceFiles tied = table(ReferenceFiles.loop())
                .with("junctions.csv", t -> t.replace("QQ,LL,60,", "QQ,LL,30,"))
                .with("points.csv", t -> t.replace("QY,Yola,,,XA,30,", "QY,Yola,,,XA,15,"))
                .with(
                        "fares.csv",
                        t -> HEADER + "TABLE,XA_RAIL,SECOND,CNY,QP,QQ," + PAGO_YOLA + ",,0.5,2026-01-01,made up\n"
                                + "TABLE,XA_RAIL,SECOND,CNY,QP,QR," + PAGO_RHO + ",,0.5,2026-01-01,made up\n");
        Network network = ReferenceData.parse(tied).network();
        assertThatThrownBy(() -> FolderFares.of(tied, network))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("fares.csv")
                .hasMessageContaining("no single route from QP");
    }
}
