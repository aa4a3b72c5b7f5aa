package org.lancang.web.freight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.freight.Tariffs;
import org.lancang.money.Currencies;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.reference.ReferenceData;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * The consignment note's border stations and carriers' parts follow the way the booking's train runs (ADR 0033). The
 * loop test network: main line LM Pago 0 – Xeno 20 – Quill 50 – Rho 70, loop LL Xeno 0 – Yola 30 – Quill 60; V1 runs
 * Pago → Rho round the loop (via Yola), S1 along the main line. Yola is made a border control station here, and three
 * made-up carriers each take the shortest way between their points: C1 Pago – Yola, C2 Yola – Rho, C3 Xeno – Quill.
 */
class NoteRouteTest {
    private static final Path DATA = Path.of("..", "data");
    private static final Currencies CURRENCIES = Currencies.parse(Currencies.FILE, read(DATA, Currencies.FILE));
    private static final TestNetworkFolder FILES = TestNetworkFolder.loop()
            .with(
                    "points.csv",
                    t -> t.replace("10,made up,2,,,usual,made up,LL", "10,made up,2,30,20,usual,made up,LL"));
    private static final Network NETWORK = ReferenceData.parse(FILES).network();
    private static final List<TrainPlan> PLANS =
            TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"), NETWORK);
    private static final Tariffs TARIFFS = Tariffs.parse(NETWORK, CURRENCIES, """
            carrier,section_from,section_to,currency,tariff,unit,terminal_rate,running_rate_per_km,source
            C1,QP,QY,CNY,BOX_20,box,100,2,made up
            C2,QY,QR,CNY,BOX_20,box,100,2,made up
            C3,QX,QQ,CNY,BOX_20,box,100,2,made up
            """, """
            base,quote,rate,source
            CNY,USD,0.14,made up
            """);

    private static Route way(String train, String from, String to) {
        return PLANS.stream()
                .filter(p -> p.number().equals(train))
                .findFirst()
                .orElseThrow()
                .way(NETWORK, from, to);
    }

    private static List<String> parts(Network network, Tariffs tariffs, Route way) {
        return tariffs.parts(network, way).stream()
                .map(p -> p.carrier() + ": " + NoteRoute.part(p))
                .toList();
    }

    @Test
    void theTrainRoundTheLoopPassesYolasControlAndTheMainLineTrainDoesNot() {
        assertThat(NoteRoute.borderStations(NETWORK, way("V1", "QP", "QR")))
                .extracting(Point::code)
                .containsExactly("QY");
        assertThat(NoteRoute.borderStations(NETWORK, way("S1", "QP", "QR"))).isEmpty();
        assertThat(NoteRoute.borderStations(NETWORK, way("V1", "QP", "QY")))
                .as("a way's ends are not stations it passes")
                .isEmpty();
    }

    @Test
    void eachCarriersPartIsPrintedOnItsOwnLinesKm() {
        assertThat(parts(NETWORK, TARIFFS, way("V1", "QP", "QR")))
                .containsExactly("C1: QP – QY, km 0–20 LM, 0–30 LL", "C2: QY – QR, km 30–60 LL, 50–70 LM");
        assertThat(parts(NETWORK, TARIFFS, way("S1", "QP", "QR")))
                .containsExactly("C1: QP – QX, km 0–20", "C3: QX – QQ, km 20–50", "C2: QQ – QR, km 50–70");
    }

    @Test
    void onOneLineTheLowerKmComesFirstWhicheverWayTheBoxGoes() {
        Route back = NETWORK.routes().between("QR", "QX", List.of());
        assertThat(parts(NETWORK, TARIFFS, back)).containsExactly("C2: QQ – QR, km 50–70", "C3: QX – QQ, km 20–50");
    }

    @Test
    void kmThatCarryOnAcrossAJunctionAreOneRange() {
        DataFiles files = name -> read(DATA.resolve("vientiane-bangkok"), name);
        Network srt = ReferenceData.parse(files).network();
        Tariffs tariffs = Tariffs.parse(srt, CURRENCIES, files.read(Tariffs.FILE), files.read(Tariffs.RATES_FILE));
        Route way = srt.routes().between("KTW", "TNL", List.of());
        assertThat(way.legs())
                .as("the Northeastern line, then the Nong Khai line")
                .hasSize(2);
        double ktw = srt.point("KTW").orElseThrow().km();
        double tnl = srt.point("TNL").orElseThrow().km();
        assertThat(parts(srt, tariffs, way))
                .containsExactly(String.format(Locale.ROOT, "SRT: KTW – TNL, km %.0f–%.0f", ktw, tnl));
    }

    private static String read(Path folder, String name) {
        try {
            return Files.readString(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
