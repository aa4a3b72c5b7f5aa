package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.testing.TestDates;

/**
 * A third, made-up network served from a test folder with no Java of its own: its operator sells in a currency the
 * world's table does not list (the dinar, 3 decimals, added by the folder's own currencies.csv), and a sale on it is
 * priced, held and paid in that currency through the same endpoints as any other (ADR 0030). A currency no table
 * defines is refused naming the field, listing the known codes, and nothing is written.
 */
class ThirdNetworkCurrencyApiTest {
    private static final Path TINY = Path.of("..", "lancang-core", "src", "test", "resources", "networks", "tiny");
    /** Within the Syldavian operator's sales window (10 days: the folder's operators.csv). */
    private static final LocalDate DATE = TestDates.daysAhead(3);

    private static final DataFiles FOLDER = name -> {
        try {
            return Files.readString(TINY.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private static TestServer server;
    private static String passenger;

    @BeforeAll
    static void start() {
        server = TestServer.withOthers(List.of(FOLDER));
        passenger = server.passenger("milo", "Milo", "milo password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String body(String from, String to, String currency, String passport) {
        return "{\"train\":\"T1\",\"date\":\"" + DATE + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"seatClass\":\"SECOND\",\"currency\":" + currency + ",\"passengers\":[{\"name\":\"Milo K.\","
                + "\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + passport + "\",\"nationality\":\"THA\","
                + "\"dateOfBirth\":\"1990-02-03\",\"documentExpiry\":\"2031-01-01\"}]}";
    }

    private static JsonNode quote(String from, String to, String currency) {
        TestServer.Reply q = server.get("/api/networks/tiny/fares?from=" + from + "&to=" + to + "&train=T1&class=SECOND"
                + (currency == null ? "" : "&currency=" + currency));
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        return q.json().get("total");
    }

    @Test
    void aSaleOnTheThirdNetworkIsPricedHeldAndPaidInTheCurrencyItsFolderAdds() {
        JsonNode quoted = quote("QCA", "QCB", "TND");
        assertThat(quoted.get("currency").asText()).isEqualTo("TND");
        // written to the millime: three decimals, as the folder's currencies.csv gives the dinar
        assertThat(quoted.get("amount").asText()).matches("\\d+\\.\\d{3} TND");
        assertThat(quote("QCA", "QCB", null))
                .as("the station's own currency by default")
                .isEqualTo(quoted);

        TestServer.Reply held = server.postJson("/api/bookings", passenger, body("QCA", "QCB", "\"TND\"", "SY100001"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("total")).isEqualTo(quoted);
        String id = held.json().get("id").asText();
        TestServer.Reply paid = server.postJson(
                "/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"tnd-" + id + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asText()).isEqualTo("TICKETED");
        // read back from the database (booking and payment rows keep the code as text)
        JsonNode again = server.get("/api/bookings/" + id, passenger).json();
        assertThat(again.get("total")).isEqualTo(quoted);
        JsonNode payment = again.get("payments").get(0);
        assertThat(payment.get("amount")).isEqualTo(quoted);
        assertThat(payment.get("status").asText()).isEqualTo("CAPTURED");

        // across both borders: the Atlantean part in yuan, converted at the folder's rate, the total in dinars
        JsonNode through = quote("QAA", "QCB", "TND");
        TestServer.Reply far = server.postJson("/api/bookings", passenger, body("QAA", "QCB", "\"TND\"", "SY100002"));
        assertThat(far.status()).as(far.body()).isEqualTo(201);
        assertThat(far.json().get("total")).isEqualTo(through);
        assertThat(through.get("minor").asLong())
                .isGreaterThan(quoted.get("minor").asLong());
    }

    @Test
    void journeysFromASyldavianStationAreInDinarsUnlessTheBuyerNamesAnother() {
        JsonNode dinars = fareOfT1(server.get("/api/journeys?from=QCA&to=QCB&date=" + DATE));
        assertThat(dinars.get("currency").asText()).isEqualTo("TND");
        JsonNode yuan = fareOfT1(server.get("/api/journeys?from=QCA&to=QCB&date=" + DATE + "&currency=CNY"));
        assertThat(yuan.get("currency").asText()).isEqualTo("CNY");
        assertThat(yuan.get("minor").asLong())
                .isPositive()
                .isNotEqualTo(dinars.get("minor").asLong());
    }

    private static JsonNode fareOfT1(TestServer.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode j : r.json()) {
            if (j.get("train").asText().equals("T1")) {
                for (JsonNode c : j.get("classes")) {
                    if (c.get("seatClass").asText().equals("SECOND")) { // the one class with fares
                        return c.get("fare").get("total");
                    }
                }
            }
        }
        throw new AssertionError("no T1 second class in " + r.body());
    }

    @Test
    void aCurrencyNoTableDefinesIsRefusedNamingTheFieldWithTheKnownCodesAndNothingWritten() {
        int before = server.get("/api/bookings", passenger).json().size();
        for (String bad : new String[] {"\"XTS\"", "\"\"", "\"T\""}) {
            TestServer.Reply r = server.postJson("/api/bookings", passenger, body("QCA", "QCB", bad, "SY200001"));
            assertThat(r.status()).as(bad + " " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("field").asText()).isEqualTo("currency");
            assertThat(r.body()).contains("TND").contains("CNY").contains("THB");
        }
        assertThat(server.get("/api/bookings", passenger).json()).hasSize(before);
        for (String path : new String[] {
            "/api/journeys?from=QCA&to=QCB&date=" + DATE + "&currency=XTS",
            "/api/networks/tiny/fares?from=QCA&to=QCB&train=T1&class=SECOND&currency=XTS",
            "/api/journeys?from=KMS&to=XSB&date=" + DATE + "&currency=EUR"
        }) {
            TestServer.Reply r = server.get(path);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo("currency");
        }
        TestServer.Reply waitlist =
                server.postJson("/api/waitlist", passenger, body("QCA", "QCB", "\"XTS\"", "SY200002"));
        assertThat(waitlist.status()).as(waitlist.body()).isEqualTo(400);
        assertThat(waitlist.json().get("field").asText()).isEqualTo("currency");
    }
}
