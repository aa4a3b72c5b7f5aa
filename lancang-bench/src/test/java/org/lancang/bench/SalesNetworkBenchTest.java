package org.lancang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lancang.network.Names;
import org.lancang.testing.TestDates;
import org.lancang.ticketing.JourneyDocuments;
import org.lancang.ticketing.NumberCheck;
import org.lancang.ticketing.TravelDocument;
import org.lancang.ticketing.TravelDocuments;
import picocli.CommandLine;

/**
 * {@code lancang bench sales --network NAME} sells another served network's trains: its run's seats in process, and
 * over HTTP its trains' every class in its currency, each passenger with a document the leg takes (small sizes here).
 */
class SalesNetworkBenchTest {
    @Test
    void theBangkokLinesRushSellsItsTrainsInBahtWithThaiCardsAndPassports() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Bench.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("sales", "--network", "vientiane-bangkok", "--http-seconds", "5", "--http-warmup", "5");
        System.out.print(out);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("lancang bench sales: 133 run of vientiane-bangkok")
                .contains("17 selling points")
                .containsPattern("seat-by-seat baseline \\d+ ns → \\d+\\.\\d× faster")
                .contains("passenger trains of vientiane-bangkok (every class) × 5 days from "
                        + TestDates.daysAhead(2)) // the tests' day (LANCANG_CLOCK in the pom), not the real one
                .contains("THB THAI_ID_CARD THA")
                .contains("THB PASSPORT")
                .containsPattern("Lancang over HTTP \\(hold committed before the answer\\) +[\\d,]+ bookings/s")
                .containsPattern("ratio to the SQL baseline's bookings per second \\(median windows\\): Lancang over"
                        + " HTTP \\d+\\.\\d×, in-process (\\d+\\.\\d×|not measured)");
    }

    @Test
    void anUnknownNetworkIsRefusedNamingTheNetworksThereAre() {
        StringWriter err = new StringWriter();
        CommandLine cli = Bench.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("sales", "--network", "atlantis", "--http-seconds", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown network 'atlantis'").contains("vientiane-bangkok");
    }

    @Test
    void aThirteenDigitCardNumberCarriesItsCheckDigit() {
        var card = new SalesHttpBench.Traveller("THAI_ID_CARD", "THA", false, true);
        for (int k : List.of(1, 2, 977, 123_456)) {
            assertThat(card.number(k)).hasSize(13);
            assertThat(NumberCheck.WEIGHTED_MOD11_13.passes(card.number(k))).isTrue();
        }
        assertThat(card.number(1)).isNotEqualTo(card.number(2));
    }

    @Test
    void aTravellerOfAMadeUpCountryGivesANationalityISO3166Lists() {
        TravelDocument atlantisCard = document("ATLANTIS_ID", "XA");
        TravelDocument passport = document("PASSPORT", "");
        TravelDocument thaiCard = document("THAI_ID_CARD", "TH");
        var known = new TravelDocuments(List.of(atlantisCard, passport, thaiCard));
        String firstListed = "ABW"; // Aruba: the first alpha-3 code ISO 3166 lists, in order

        assertThat(SalesHttpBench.Traveller.of(journey(known, atlantisCard), "XA"))
                .as("the card of a country ISO 3166 does not list says no nationality: the JDK's list would throw")
                .extracting(SalesHttpBench.Traveller::documentType, SalesHttpBench.Traveller::nationality)
                .containsExactly("ATLANTIS_ID", firstListed);
        assertThat(SalesHttpBench.Traveller.of(journey(known, passport), "XB").nationality())
                .as("a passport from Borduria")
                .isEqualTo(firstListed);
        assertThat(SalesHttpBench.Traveller.of(journey(known, passport), "XA/XB")
                        .nationality())
                .as("boarding at a border point: its country is the shared one")
                .isEqualTo(firstListed);
        assertThat(SalesHttpBench.Traveller.of(journey(known, passport), "LA").nationality())
                .as("a passport says its holder's country where ISO 3166 lists it")
                .isEqualTo("LAO");
        assertThat(SalesHttpBench.Traveller.of(journey(known, thaiCard, passport), "TH"))
                .as("at home its own card, with the nationality the card says")
                .extracting(SalesHttpBench.Traveller::documentType, SalesHttpBench.Traveller::nationality)
                .containsExactly("THAI_ID_CARD", "THA");
    }

    private static TravelDocument document(String code, String issuedBy) {
        return new TravelDocument(
                code,
                new Names(code, code, code),
                Pattern.compile("[A-Z0-9]{6,20}"),
                NumberCheck.NONE,
                false,
                Set.of("*"),
                Set.of("*"),
                issuedBy,
                "made up for this test");
    }

    private static JourneyDocuments journey(TravelDocuments known, TravelDocument... accepted) {
        return new JourneyDocuments(known, List.of(accepted), List.of());
    }

    @Test
    void legsAreBookedInProportionToTheirSeatsSoThatNoClassSellsOutFirst() {
        assertThat(SalesHttpBench.inProportion(List.of(152L, 64L, 30L), Long::longValue))
                .containsExactly(152L, 152L, 152L, 152L, 152L, 64L, 64L, 30L);
        assertThat(SalesHttpBench.inProportion(List.of(720L, 720L), Long::longValue))
                .as("at home every leg once")
                .containsExactly(720L, 720L);
    }
}
