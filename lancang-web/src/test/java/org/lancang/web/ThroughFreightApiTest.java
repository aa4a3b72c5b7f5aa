package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.lancang.web.FreightApiTest.refused;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;

/**
 * Issue 19 over HTTP: a shipper's 40 reefer boxes from the Kunming area (Yanhe) to Bangkok (Krung Thep Aphiwat), on
 * China–Laos to Vientiane South, across the break of gauge to Thanaleng, on SRT's metre gauge to Bangkok: two legs,
 * the time at the yard from its batch size and tracks, CR, LCR and SRT each in their currency, the through total.
 */
class ThroughFreightApiTest {
    static TestServer server;
    static String shipper;
    static String otherShipper;
    static String office;
    static String passenger;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork();
        String admin = server.adminToken();
        shipper = FreightApiTest.user(server, admin, "kunming.fruit", "SHIPPER");
        otherShipper = FreightApiTest.user(server, admin, "other.fruit", "SHIPPER");
        office = FreightApiTest.user(server, admin, "freight.desk", "FREIGHT_OFFICE");
        passenger = FreightApiTest.user(server, admin, "a.passenger", "PASSENGER");
    }

    /** Boxes booked on a southbound slot's train (Yanhe → Vientiane South) the day after tomorrow. */
    private static JsonNode book(String kind, int count) {
        return book("FRT-S3", kind, count);
    }

    private static JsonNode book(String slot, String kind, int count) {
        String date = TestDates.daysAhead(2).toString();
        TestServer.Reply r = server.postJson(
                "/api/freight/bookings",
                shipper,
                "{\"slotId\":\"" + slot + "\",\"date\":\"" + date + "\",\"equipment\":[{\"kind\":\"" + kind
                        + "\",\"count\":" + count + "}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static TestServer.Reply consign(String token, String bookingId, String to) {
        return server.postJson(
                "/api/freight/through/consignments",
                token,
                "{\"bookingId\":\"" + bookingId + "\",\"to\":\"" + to + "\"}");
    }

    @Test
    void aBookingToVientianeSouthGoesOnToBangkokAndItsNoteListsTheCarriersAndTheTransshipment() throws Exception {
        JsonNode booking = book("LMX-S1", "REEFER_40", 36); // the express's 72 TEU
        String id = booking.get("id").asText();
        assertThat(booking.get("to").asText()).isEqualTo("VTS");

        // another shipper, a passenger or nobody cannot send it on; the freight office only reads
        assertThat(consign(otherShipper, id, "KTW").status()).isEqualTo(404);
        assertThat(consign(passenger, id, "KTW").status()).isEqualTo(403);
        assertThat(consign(office, id, "KTW").status()).isEqualTo(403);
        assertThat(consign(null, id, "KTW").status()).isEqualTo(401);
        refused(consign(shipper, id, "ATLANTIS"), 400, "to");
        refused(consign(shipper, "", "KTW"), 400, "bookingId");
        assertThat(server.get("/api/freight/through/consignments/" + id, shipper)
                        .status())
                .isEqualTo(404);

        TestServer.Reply r = consign(shipper, id, "KTW");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode through = r.json();
        assertThat(through.get("to").asText()).isEqualTo("KTW");
        assertThat(through.get("network").asText()).isEqualTo("vientiane-bangkok");
        JsonNode q = through.get("quote");
        assertThat(q.get("transshipment").get("boxes").asInt()).isEqualTo(36);
        assertThat(q.get("transshipment").get("batches").asInt()).isEqualTo(2);
        // the same booking again is answered as it is; elsewhere is refused
        assertThat(consign(shipper, id, "KTW").status()).isEqualTo(201);
        assertThat(consign(shipper, id, "NKI").status()).isEqualTo(409);
        // read back by the shipper and the freight office, not by another shipper
        assertThat(server.get("/api/freight/through/consignments/" + id, office)
                        .json()
                        .get("quote"))
                .isEqualTo(q);
        assertThat(server.get("/api/freight/through/consignments/" + id, otherShipper)
                        .status())
                .isEqualTo(404);
        assertThat(server.get("/api/freight/through/consignments/" + id, passenger)
                        .status())
                .isEqualTo(403);

        // the consignment note, printed, lists the three carriers, the transshipment and the final destination
        TestServer.Reply note = server.putJson(
                "/api/freight/bookings/" + id + "/note", shipper, FreightApiTest.note(booking, null, "081060", null));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url("/api/freight/bookings/" + id + "/note.pdf")))
                                .header("Authorization", "Bearer " + shipper)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("中国铁路昆明局集团", "老中铁路有限公司") // CR and LCR, as before
                    .contains("Transshipment", "VTS → ", "(TNL)", "36 boxes, 2 batches of 25")
                    .contains(String.format(
                            "%d h %02d min",
                            q.get("transshipment").get("minutes").asLong() / 60,
                            q.get("transshipment").get("minutes").asLong() % 60))
                    .contains("State Railway of Thailand: TNL –")
                    .contains("Final destination")
                    .contains("(KTW)");
        }
    }

    @Test
    void shippersSendingOneBookingOnAtOnceGetOneConsignment() throws Exception {
        String id = book("REEFER_40", 4).get("id").asText();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestServer.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return consign(shipper, id, "KTW");
            }));
        }
        go.countDown();
        for (Future<TestServer.Reply> f : replies) {
            TestServer.Reply r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("to").asText()).isEqualTo("KTW");
        }
        pool.shutdown();
        long rows = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM freight_through WHERE booking_id = :b")
                        .bind("b", id)
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aBookingNotEndingAtTheYardOrWithWagonsDoesNotGoOn() {
        JsonNode wagons = book("FLAT", 2);
        refused(consign(shipper, wagons.get("id").asText(), "KTW"), 400, "bookingId");
        JsonNode northbound = book("LMX-N1", "BOX_20", 1);
        assertThat(northbound.get("to").asText()).isNotEqualTo("VTS");
        refused(consign(shipper, northbound.get("id").asText(), "KTW"), 400, "bookingId");
        refused(consign(shipper, book("BOX_20", 1).get("id").asText(), "VTE"), 400, "to");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestServer.Reply quote(String from, String to, String kind, int count) {
        return server.postJson(
                "/api/freight/through/quote",
                shipper,
                "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"equipment\":[{\"kind\":\"" + kind + "\",\"count\":"
                        + count + ",\"massT\":22}]}");
    }

    /** A column of the SRT box-rate row of the second network's tariff file. */
    private static BigDecimal srtRate(String tariff, int column) throws IOException {
        for (String line : Files.readAllLines(Path.of("..", "data", "vientiane-bangkok", "freight-tariffs.csv"))) {
            String[] f = line.split(",", -1);
            if (f[0].equals("SRT") && f[4].equals(tariff)) {
                return new BigDecimal(f[column]);
            }
        }
        throw new AssertionError("no SRT rate " + tariff);
    }

    @Test
    void fortyReeferBoxesFromKunmingToBangkokInTwoLegsAcrossTheBreakOfGauge() throws IOException {
        TestServer.Reply r = quote("YHE", "KTW", "REEFER_40", 40);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode q = r.json();

        JsonNode first = q.get("first");
        assertThat(first.get("network").asText()).isEqualTo("china-laos");
        assertThat(first.get("from").asText()).isEqualTo("YHE");
        JsonNode yard = q.get("transshipment");
        assertThat(first.get("to").asText())
                .isEqualTo(yard.get("point").asText())
                .isEqualTo("VTS");
        assertThat(yard.get("otherPoint").asText()).isEqualTo("TNL");
        assertThat(yard.get("tracksHere").asInt()).isEqualTo(1); // standard gauge at Vientiane South
        assertThat(yard.get("tracksOther").asInt()).isEqualTo(2); // metre gauge
        assertThat(yard.get("batchWagons").asInt()).isEqualTo(25);
        // the time at the yard follows from the data: 40 boxes, one a wagon, fill 2 batches of 25, worked one at a time
        int batches = (40 + yard.get("batchWagons").asInt() - 1)
                / yard.get("batchWagons").asInt();
        assertThat(yard.get("batches").asInt()).isEqualTo(batches);
        int atOnce =
                Math.min(yard.get("tracksHere").asInt(), yard.get("tracksOther").asInt());
        assertThat(yard.get("minutes").asLong())
                .isEqualTo((long) ((batches + atOnce - 1) / atOnce)
                        * yard.get("batchMinutes").asLong());

        JsonNode second = q.get("second");
        assertThat(second.get("network").asText()).isEqualTo("vientiane-bangkok");
        assertThat(second.get("from").asText()).isEqualTo("TNL");
        assertThat(second.get("to").asText()).isEqualTo("KTW");
        List<String> carriers = new ArrayList<>();
        q.get("carriers").forEach(c -> carriers.add(c.asText()));
        assertThat(carriers).containsExactly("CR_KUNMING", "LCR", "SRT");

        // each section in its carrier's currency; the first leg is what the home quote to Vientiane South gives
        JsonNode home = server.postJson(
                        "/api/freight/quote",
                        shipper,
                        "{\"from\":\"YHE\",\"to\":\"VTS\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":40,"
                                + "\"massT\":22}]}")
                .json();
        for (int i = 0; i < 2; i++) {
            JsonNode s = first.get("sections").get(i);
            assertThat(s.get("carrier").asText())
                    .isEqualTo(home.get("sections").get(i).get("carrier").asText());
            assertThat(s.get("amount")).isEqualTo(home.get("sections").get(i).get("amount"));
        }
        assertThat(first.get("sections").get(0).get("amount").get("currency").asText())
                .isEqualTo("CNY");
        assertThat(first.get("sections").get(1).get("amount").get("currency").asText())
                .isEqualTo("LAK");
        JsonNode srt = second.get("sections").get(0);
        assertThat(srt.get("carrier").asText()).isEqualTo("SRT");
        assertThat(srt.get("amount").get("currency").asText()).isEqualTo("THB");
        // charged on the km between Thanaleng and Krung Thep Aphiwat as the network gives them (tariffKm is rounded)
        double km = 0;
        for (JsonNode p : server.get("/api/networks/vientiane-bangkok/points").json()) {
            String code = p.get("code").asText();
            km += code.equals("TNL")
                    ? p.get("km").asDouble()
                    : code.equals("KTW") ? -p.get("km").asDouble() : 0;
        }
        assertThat(srt.get("tariffKm").asDouble()).isCloseTo(km, offset(0.05));
        BigDecimal expected = srtRate("BOX_40", 6)
                .add(srtRate("BOX_40", 7).multiply(BigDecimal.valueOf(km)))
                .multiply(BigDecimal.valueOf(40))
                .setScale(2, RoundingMode.HALF_UP);
        assertThat(srt.get("amount").get("amount").decimalValue()).isEqualByComparingTo(expected);

        // the through total in CNY, LAK, THB and USD is the exact sum of the sections' conversions rounded once
        // (ThroughQuoteTest checks it exactly): within half a minor unit per section of the rounded conversions' sum
        for (String currency : List.of("CNY", "LAK", "THB", "USD")) {
            BigDecimal sum = BigDecimal.ZERO;
            int sections = 0;
            for (JsonNode leg : List.of(first, second)) {
                for (JsonNode s : leg.get("sections")) {
                    sum = sum.add(s.get("converted").get(currency).get("amount").decimalValue());
                    sections++;
                }
            }
            BigDecimal total = q.get("total").get(currency).get("amount").decimalValue();
            // the minor units of data/currencies.csv: LAK is quoted in whole kip, the others in hundredths
            BigDecimal halfUnit = new BigDecimal(currency.equals("LAK") ? "0.5" : "0.005");
            assertThat(total.subtract(sum).abs())
                    .as(currency)
                    .isLessThanOrEqualTo(halfUnit.multiply(BigDecimal.valueOf(sections)));
        }
        List<String> pairs = new ArrayList<>();
        q.get("rates")
                .forEach(rate ->
                        pairs.add(rate.get("base").asText() + rate.get("quote").asText()));
        assertThat(pairs).contains("CNYLAK", "CNYUSD", "CNYTHB");
        System.out.printf(
                "YHE → KTW, 40 reefer boxes: %s %s + %s %s + %s %s; yard %d batches, %d min; total %s THB / %s USD%n",
                first.get("sections").get(0).get("amount").get("amount"),
                first.get("sections").get(0).get("amount").get("currency").asText(),
                first.get("sections").get(1).get("amount").get("amount"),
                first.get("sections").get(1).get("amount").get("currency").asText(),
                srt.get("amount").get("amount"),
                srt.get("amount").get("currency").asText(),
                yard.get("batches").asInt(),
                yard.get("minutes").asLong(),
                q.get("total").get("THB").get("amount"),
                q.get("total").get("USD").get("amount"));
    }

    @Test
    void moreBoxesFillMoreBatches() {
        long one = quote("YHE", "KTW", "BOX_20", 25)
                .json()
                .get("transshipment")
                .get("minutes")
                .asLong();
        long two = quote("YHE", "KTW", "BOX_20", 26)
                .json()
                .get("transshipment")
                .get("minutes")
                .asLong();
        assertThat(two).isEqualTo(2 * one);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        refused(quote("YHE", "ATLANTIS", "BOX_20", 1), 400, "to");
        refused(quote("KTW", "YHE", "BOX_20", 1), 400, "from");
        refused(quote("YHE", "VTE", "BOX_20", 1), 400, "to"); // on the home network: the ordinary quote
        refused(quote("YHE", "KTW", "COVERED", 1), 400, "equipment[0].kind");
        refused(quote("YHE", "KTW", "BOX_20", 0), 400, "equipment[0].count");
        refused(
                server.postJson("/api/freight/through/quote", shipper, "{\"from\":\"YHE\",\"to\":\"KTW\"}"),
                400,
                "equipment");
        TestServer.Reply malformed = server.postJson("/api/freight/through/quote", shipper, "{\"from\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    @Test
    void theOpenApiDocumentHasIt() {
        JsonNode doc = server.get("/openapi.json").json();
        assertThat(doc.get("paths").has("/api/freight/through/quote")).isTrue();
    }
}
