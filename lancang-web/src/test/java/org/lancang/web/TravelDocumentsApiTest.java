package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.TestDates;

/**
 * The travel documents each network's {@code documents.csv} accepts, through the sales path over HTTP: the Bangkok
 * line takes a Thai ID card (with its check digit) on a Thai domestic trip but not across the bridge, a border pass
 * across the bridge but not at home; the China–Laos line keeps its three documents. The documents a journey takes are
 * asked of {@code GET /api/sales/documents}, as the sale pages ask them.
 */
class TravelDocumentsApiTest {
    private static TestServer server;
    private static String passenger;
    /** Within SRT's sales window (7 days). */
    private static final LocalDate DATE = TestDates.daysAhead(3);

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork();
        passenger = server.passenger("somsak", "Somsak", "somsak password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String booking(String train, String from, String to, String type, String number, String expiry) {
        return "{\"train\":\"" + train + "\",\"date\":\"" + DATE + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"seatClass\":\"HARD_SEAT\",\"currency\":\"THB\",\"passengers\":[{\"name\":\"Somsak K.\","
                + "\"documentType\":\"" + type + "\",\"documentNumber\":\"" + number + "\",\"nationality\":\"THA\""
                + (expiry == null ? "" : ",\"documentExpiry\":\"" + expiry + "\"") + "}]}";
    }

    private static JsonNode documents(String query) {
        TestServer.Reply r = server.get("/api/sales/documents?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> codes(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("documents").forEach(d -> out.add(d.get("code").asText()));
        return out;
    }

    @Test
    void aThaiDomesticJourneyTakesTheThaiIdCardNamedInEveryLanguageOfTheFile() {
        JsonNode home = documents("from=KTW&to=UDN");
        assertThat(home.get("network").asText()).isEqualTo("vientiane-bangkok");
        assertThat(home.get("borders")).isEmpty();
        assertThat(codes(home)).contains("PASSPORT", "THAI_ID_CARD").doesNotContain("BORDER_PASS");
        JsonNode card = null;
        for (JsonNode d : home.get("documents")) {
            if (d.get("code").asText().equals("THAI_ID_CARD")) {
                card = d;
            }
        }
        assertThat(card.get("expiryRequired").asBoolean()).isFalse();
        assertThat(card.get("numberPattern").asText()).isEqualTo("[0-9]{13}");
        assertThat(card.get("numberCheck").asText()).isEqualTo("WEIGHTED_MOD11_13");
        assertThat(card.get("names").get("en").asText()).isEqualTo("Thai national ID card");
        assertThat(card.get("names").get("zh").asText()).isEqualTo("泰国身份证");
        assertThat(card.get("names").get("lo").asText()).isEqualTo("ບັດປະຈຳຕົວໄທ");
        assertThat(card.get("names").get("more").get("th").asText()).isEqualTo("บัตรประจำตัวประชาชน");
        // Thailand's own card, the nationality it says; a passport is any country's
        assertThat(card.get("issuedBy").asText()).isEqualTo("TH");
        assertThat(card.get("nationality").asText()).isEqualTo("THA");
        assertThat(home.get("documents").get(0).get("issuedBy").isNull()).isTrue();

        JsonNode bridge = documents("from=NKI&to=KSV&network=vientiane-bangkok");
        assertThat(bridge.get("borders").toString()).contains("TLB");
        assertThat(codes(bridge)).containsExactly("PASSPORT", "BORDER_PASS");
        assertThat(bridge.get("documents").get(1).get("expiryRequired").asBoolean())
                .isTrue();
    }

    @Test
    void theChinaLaosLineKeepsItsDocuments() {
        assertThat(codes(documents("from=KMS&to=VTE"))).containsExactly("PASSPORT");
        assertThat(codes(documents("from=KMS&to=XSB")))
                .containsExactly("PASSPORT", "CHINESE_RESIDENT_ID", "LAO_ID_CARD");
        assertThat(documents("from=KMS&to=XSB").get("network").asText()).isEqualTo("china-laos");
    }

    @Test
    void aCardOfACountryIsoDoesNotListIsOfferedWithoutANationality() {
        // a stranger's network may have a made-up country (the test networks' Atlantis, XA): its own ID card has no
        // ISO 3166 alpha-3 nationality to fill in, which is no reason to fail the question
        ReferenceFiles madeUp = ReferenceFiles.vientianeBangkok()
                .withLine("documents.csv", "THAI_ID_CARD,", line -> line.replace(",TH,,TH,", ",TH,,XA,"));
        try (TestServer own = TestServer.withOthers(List.of(madeUp))) {
            TestServer.Reply r = own.get("/api/sales/documents?from=KTW&to=UDN");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode card = null;
            for (JsonNode d : r.json().get("documents")) {
                card = d.get("code").asText().equals("THAI_ID_CARD") ? d : card;
            }
            assertThat(card).as(r.body()).isNotNull();
            assertThat(card.get("issuedBy").asText()).isEqualTo("XA");
            assertThat(card.get("nationality").isNull()).as(r.body()).isTrue();
        }
        // a real country's card still says its nationality
        JsonNode thai = documents("from=KTW&to=UDN").get("documents");
        List<String> nationalities = new ArrayList<>();
        thai.forEach(d -> nationalities.add(d.get("nationality").asText(null)));
        assertThat(nationalities).contains("THA");
    }

    @Test
    void badQuestionsNameTheirField() {
        for (String[] bad : new String[][] {
            {"from=XXX&to=UDN", "from"},
            {"from=KTW", "to"},
            {"from=KTW&to=KTW", "to"},
            {"from=KTW&to=UDN&network=nowhere", "network"},
            // two networks' stations: each leg of such a journey is asked of its own network
            {"from=KMS&to=UDN", "to"},
        }) {
            TestServer.Reply r = server.get("/api/sales/documents?" + bad[0]);
            assertThat(r.status()).as(bad[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
    }

    @Test
    void aThaiIdCardBooksAThaiTripWithItsCheckDigitAndIsRefusedAcrossTheBridge() {
        TestServer.Reply held = server.postJson(
                "/api/bookings", passenger, booking("133", "KTW", "UDN", "THAI_ID_CARD", "1234567890121", null));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("passengers").get(0).get("documentType").asText())
                .isEqualTo("THAI_ID_CARD");
        // the ticket names the document as the network's file does, in every language
        assertThat(held.json()
                        .get("passengers")
                        .get(0)
                        .get("documentNames")
                        .get("more")
                        .get("th")
                        .asText())
                .isEqualTo("บัตรประจำตัวประชาชน");
        // the same card read back from the database, by the booking's id
        String id = held.json().get("id").asText();
        assertThat(server.get("/api/bookings/" + id, passenger)
                        .json()
                        .get("passengers")
                        .get(0)
                        .get("documentType")
                        .asText())
                .isEqualTo("THAI_ID_CARD");

        TestServer.Reply wrongDigit = server.postJson(
                "/api/bookings", passenger, booking("133", "KTW", "UDN", "THAI_ID_CARD", "1101700230707", null));
        assertThat(wrongDigit.status()).as(wrongDigit.body()).isEqualTo(400);
        assertThat(wrongDigit.json().get("field").asText()).isEqualTo("passengers[0].documentNumber");
        assertThat(wrongDigit.body()).contains("document-number-check");

        TestServer.Reply across = server.postJson(
                "/api/bookings", passenger, booking("133", "KTW", "KSV", "THAI_ID_CARD", "1101700230708", null));
        assertThat(across.status()).as(across.body()).isEqualTo(400);
        assertThat(across.json().get("field").asText()).isEqualTo("passengers[0].documentType");
        assertThat(across.body()).contains("document-not-accepted", "PASSPORT", "BORDER_PASS");
    }

    @Test
    void aBorderPassCrossesTheBridgeAndServesNoDomesticTrip() {
        String expiry = DATE.plusMonths(6).toString();
        TestServer.Reply bridge = server.postJson(
                "/api/bookings", passenger, booking("147", "NKI", "KSV", "BORDER_PASS", "BP10001", expiry));
        assertThat(bridge.status()).as(bridge.body()).isEqualTo(201);

        TestServer.Reply noExpiry = server.postJson(
                "/api/bookings", passenger, booking("147", "NKI", "KSV", "BORDER_PASS", "BP10002", null));
        assertThat(noExpiry.status()).as(noExpiry.body()).isEqualTo(400);
        assertThat(noExpiry.json().get("field").asText()).isEqualTo("passengers[0].documentExpiry");

        TestServer.Reply home = server.postJson(
                "/api/bookings", passenger, booking("147", "UDN", "NKI", "BORDER_PASS", "BP10003", expiry));
        assertThat(home.status()).as(home.body()).isEqualTo(400);
        assertThat(home.json().get("field").asText()).isEqualTo("passengers[0].documentType");
        assertThat(home.body()).contains("document-not-accepted");
    }

    @Test
    void aCodeOfAnotherNetworkIsUnknownHereAndNamesTheDocumentsThisJourneyTakes() {
        TestServer.Reply r = server.postJson(
                "/api/bookings", passenger, booking("133", "KTW", "UDN", "CHINESE_PASSPORT", "E1234567", "2031-01-01"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("passengers[0].documentType");
        assertThat(r.json().get("errors").get(0).get("message").asText())
                .contains("THAI_ID_CARD", "PASSPORT")
                .doesNotContain("BORDER_PASS");
    }

    /**
     * Bangkok → Luang Prabang in one step (133 to Khamsavath, then a Lao train from Vientiane): each leg is checked
     * by its own network's file, so a border pass that takes 133 across the bridge is unknown to the China–Laos line,
     * and a Lao ID card that serves the Lao leg does not cross the bridge.
     */
    @Test
    void aJourneyAcrossBothNetworksChecksEachLegByItsOwnNetworksFile() {
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        String legs = "[" + JourneyBookingApiTest.leg(offer.get("first"), "HARD_SEAT", null) + ","
                + JourneyBookingApiTest.leg(offer.get("second"), "SECOND", null) + "]";
        for (String[] document :
                new String[][] {{"BORDER_PASS", "document-unknown"}, {"LAO_ID_CARD", "document-not-accepted"}}) {
            TestServer.Reply r = server.postJson(
                    "/api/journey-bookings",
                    passenger,
                    "{\"legs\":" + legs + ",\"currency\":\"THB\",\"passengers\":[{\"name\":\"Somsak K.\","
                            + "\"documentType\":\"" + document[0] + "\",\"documentNumber\":\"BP20001\","
                            + "\"nationality\":\"LAO\",\"documentExpiry\":\"2031-01-01\"}]}");
            assertThat(r.status()).as(document[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(r.body()).endsWith("passengers[0].documentType");
            assertThat(r.body()).contains(document[1]);
        }
        TestServer.Reply passport = server.postJson(
                "/api/journey-bookings",
                passenger,
                "{\"legs\":" + legs + ",\"currency\":\"THB\",\"passengers\":[{\"name\":\"Somsak K.\","
                        + "\"documentType\":\"PASSPORT\",\"documentNumber\":\"P2000001\","
                        + "\"nationality\":\"LAO\",\"documentExpiry\":\"2031-01-01\"}]}");
        assertThat(passport.status()).as(passport.body()).isEqualTo(201);
    }
}
