package org.lancang.freight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.money.Money;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * A consignment on a train is charged on the km that train runs, carrier by carrier, as a ticket is. The loop test
 * network (main line Pago 0 – Xeno 20 – Quill 50 – Rho 70; loop Xeno 0 – Yola 30 – Quill 60) with three made-up
 * carriers, each section the shortest way between its two points: C1 Pago – Yola (Pago – Xeno on the main line, Xeno –
 * Yola on the loop), C2 Yola – Rho (Yola – Quill on the loop, Quill – Rho on the main line), C3 Xeno – Quill on the
 * main line. V1 runs Pago → Rho round the loop (via Yola), S1 along the main line.
 */
class TrainWayTariffTest {
    private static final ReferenceFiles FILES = ReferenceFiles.loop();
    private static final Network NETWORK = ReferenceData.parse(FILES).network();
    private static final List<TrainPlan> PLANS =
            TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"), NETWORK);
    /** 100 CNY a box and 2 CNY a box-km on every carrier, so a section's charge shows its km. */
    private static final Tariffs TARIFFS = Tariffs.parse(NETWORK, WorldCurrencies.TABLE, """
            carrier,section_from,section_to,currency,tariff,unit,terminal_rate,running_rate_per_km,source
            C1,QP,QY,CNY,BOX_20,box,100,2,made up
            C2,QY,QR,CNY,BOX_20,box,100,2,made up
            C3,QX,QQ,CNY,BOX_20,box,100,2,made up
            """, """
            base,quote,rate,source
            CNY,USD,0.14,made up
            """);

    private static final List<Tariffs.Item> ONE_BOX = List.of(new Tariffs.Item(EquipmentKind.BOX_20, 1, 20));

    private static Tariffs.Quote on(String train, String from, String to) {
        TrainPlan plan =
                PLANS.stream().filter(p -> p.number().equals(train)).findFirst().orElseThrow();
        return TARIFFS.quote(NETWORK, plan.way(NETWORK, from, to), ONE_BOX);
    }

    private static Money cny(double km) {
        return Money.of(BigDecimal.valueOf(100 + 2 * km).toPlainString(), WorldCurrencies.CNY);
    }

    @Test
    void theViaTrainIsChargedOnTheLoopByTheCarriersOfTheLoop() {
        Tariffs.Quote q = on("V1", "QP", "QR");
        assertThat(q.sections())
                .extracting(Tariffs.SectionCharge::carrier, Tariffs.SectionCharge::tariffKm)
                .containsExactly(tuple("C1", (20.0 - 0) + (30 - 0)), tuple("C2", (60.0 - 30) + (70 - 50)));
        assertThat(q.sections().get(0).from()).isEqualTo("QP");
        assertThat(q.sections().get(0).to()).isEqualTo("QY");
        assertThat(q.sections().get(1).amount()).isEqualTo(cny(50));
        assertThat(q.total().get(WorldCurrencies.CNY)).isEqualTo(cny(50).plus(cny(50)));
    }

    @Test
    void theTrainWithoutViaAndAQuoteWithNoTrainAreChargedOnTheMainLine() {
        Tariffs.Quote s1 = on("S1", "QP", "QR");
        assertThat(s1.sections())
                .extracting(Tariffs.SectionCharge::carrier, Tariffs.SectionCharge::tariffKm)
                .containsExactly(tuple("C1", 20.0), tuple("C3", 50.0 - 20), tuple("C2", 70.0 - 50));
        assertThat(TARIFFS.quote(NETWORK, "QP", "QR", ONE_BOX)).isEqualTo(s1);
        assertThat(TARIFFS.carriers(NETWORK, PLANS.get(0).way(NETWORK, "QX", "QQ")))
                .as("V1 from Xeno to Quill: round the loop")
                .containsExactly("C1", "C2");
    }

    @Test
    void aSectionWithTwoWaysOfOneLengthIsRefusedNamingItsFarEnd() {
        // the loop shortened to the main line's 30 km between Xeno and Quill: two ways of one length
        ReferenceFiles tied = ReferenceFiles.loop()
                .with("junctions.csv", t -> t.replace("QQ,LL,60,", "QQ,LL,30,"))
                .with("points.csv", t -> t.replace("QY,Yola,,,XA,30,", "QY,Yola,,,XA,15,"));
        Network network = ReferenceData.parse(tied).network();
        String tariffs = """
                carrier,section_from,section_to,currency,tariff,unit,terminal_rate,running_rate_per_km,source
                C1,QP,QX,CNY,BOX_20,box,100,2,made up
                C3,QX,QQ,CNY,BOX_20,box,100,2,made up
                """;
        assertThatThrownBy(() -> Tariffs.parse(network, WorldCurrencies.TABLE, tariffs, "base,quote,rate,source\n"))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(Tariffs.FILE);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("section_to");
                })
                .hasMessageContaining("no single route from QX");
    }
}
