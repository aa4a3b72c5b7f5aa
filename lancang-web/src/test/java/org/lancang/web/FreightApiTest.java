package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lancang.store.testing.TestClock;

/**
 * Issue 17 over HTTP: a shipper in Vientiane requests a path for 40 reefer boxes of durian to the Kunming area for
 * tomorrow, gets a path, books the boxes, fills in the consignment note, gets the quote in LAK and CNY; the freight
 * office approves; the train is in the timetable, on the diagram and in the conflict check without a conflict. Bad
 * input is refused naming the field, with nothing written; another shipper sees none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreightApiTest {
    static final String TOMORROW = "2026-12-06";
    static final TestClock CLOCK = TestClock.at("2026-12-05T02:00:00Z");
    /** The parties in Lao and Chinese, as the PDF must print them. */
    static final String CONSIGNOR = "ບໍລິສັດ ສົ່ງອອກໝາກໄມ້ ວຽງຈັນ";

    static final String CONSIGNEE = "昆明鲜果进口有限公司";

    static TestServer server;
    static String shipper;
    static String otherShipper;
    static String office;
    static JsonNode request;
    static JsonNode booking;

    @BeforeAll
    static void start() {
        server = new TestServer(CLOCK);
        String admin = server.adminToken();
        shipper = user(admin, "vientiane.fruit", "SHIPPER");
        otherShipper = user(admin, "other.shipper", "SHIPPER");
        office = user(admin, "freight.office", "FREIGHT_OFFICE");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String user(String admin, String name, String role) {
        return user(server, admin, name, role);
    }

    /** A new user with one role on {@code on}, signed in: their token. */
    static String user(TestServer on, String admin, String name, String role) {
        TestServer.Reply r = on.postJson(
                "/api/users",
                admin,
                "{\"username\":\"" + name + "\",\"displayName\":\"" + name + "\",\"password\":\"password of " + name
                        + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return on.token(name, "password of " + name);
    }

    static void refused(TestServer.Reply r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.body()).isTrue();
        JsonNode p = r.json();
        List<String> fields = new ArrayList<>();
        if (p.has("field") && !p.get("field").isNull()) {
            fields.add(p.get("field").asText());
        }
        if (p.has("errors")) {
            p.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        }
        assertThat(fields).as(r.body()).contains(field);
    }

    static long rows() {
        return rows(server);
    }

    /** Every freight row of {@code on}'s database: a refusal must leave the count as it was. */
    static long rows(TestServer on) {
        return on.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM freight_request)"
                                + " + (SELECT count(*) FROM freight_booking) + (SELECT count(*) FROM freight_allocation)"
                                + " + (SELECT count(*) FROM freight_note) + (SELECT count(*) FROM freight_note_item)")
                        .mapTo(Long.class)
                        .one());
    }

    static String ask(double massT, double lengthM) {
        return "{\"from\":\"VTS\",\"to\":\"YHE\",\"earliestDeparture\":\"" + TOMORROW
                + "T08:00:00+07:00\",\"trailingMassT\":" + massT + ",\"lengthM\":" + lengthM
                + ",\"dangerousGoods\":false}";
    }

    @Test
    @Order(1)
    void theCatalogueListsEachSlotWithItsTrainsTimesThatDay() {
        JsonNode slots = ok(server.get("/api/freight/slots?date=" + TOMORROW), 200);
        assertThat(slots.size()).isPositive();
        for (JsonNode s : slots) {
            assertThat(s.get("runs").asBoolean()).as(s.toString()).isTrue();
            assertThat(s.get("departureAt").asText()).isNotEmpty();
            assertThat(s.get("wagonsLeft").asInt()).isEqualTo(s.get("wagons").asInt());
        }
    }

    @Test
    @Order(2)
    void theShipperRequestsAPathForDurianAndGetsOneWithTheBorderStops() {
        request = ok(server.postJson("/api/freight/requests", shipper, ask(2_800, 600)), 201);
        assertThat(request.get("status").asText()).as(request.toString()).isEqualTo("PROPOSED");
        JsonNode path = request.get("path");
        List<String> points = new ArrayList<>();
        path.get("calls").forEach(c -> points.add(c.get("point").asText()));
        assertThat(points.get(0)).isEqualTo("VTS");
        assertThat(points.get(points.size() - 1)).isEqualTo("YHE");
        assertThat(request.get("notes").toString())
                .contains("border technical stop")
                .contains("ruling gradient");
        assertThat(request.get("serviceDate").asText()).isEqualTo(TOMORROW);
    }

    @Test
    @Order(3)
    void aTrainTooHeavyToStartIsAnsweredWithTheGradientNamed() {
        JsonNode r = ok(server.postJson("/api/freight/requests", shipper, ask(3_600, 600)), 201);
        assertThat(r.get("status").asText()).isEqualTo("NO_PATH");
        assertThat(r.get("constraint").get("kind").asText()).isEqualTo("GRADIENT");
        assertThat(r.get("binding").asText()).contains("cannot start");
    }

    @Test
    @Order(4)
    void theShipperBooks40ReeferBoxesOnTheRequestedTrain() {
        booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"requestId\":\"" + request.get("id").asText()
                                + "\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":40}]}"),
                201);
        assertThat(booking.get("units").size()).isEqualTo(40);
        assertThat(booking.get("teu").asInt()).isEqualTo(80);
        booking.get("units").forEach(u -> assertThat(u.get("kind").asText()).isEqualTo("REEFER_40"));
    }

    static String note(String container, String hs, String un) {
        return note(booking, container, hs, un);
    }

    /** A consignment note of durian for every box of {@code booking} (the first box numbered {@code container}). */
    static String note(JsonNode booking, String container, String hs, String un) {
        StringBuilder boxes = new StringBuilder();
        JsonNode units = booking.get("units");
        for (int i = 0; i < units.size(); i++) {
            String number = i == 0 && container != null
                    ? container
                    : units.get(i).get("unit").asText();
            boxes.append(i == 0 ? "" : ",")
                    .append("{\"number\":\"")
                    .append(number)
                    .append("\",\"seal\":\"SL")
                    .append(100_000 + i)
                    .append("\"}");
        }
        return "{\"consignor\":{\"name\":\"" + CONSIGNOR + "\",\"address\":\"Ban Thanaleng, Vientiane\"},"
                + "\"consignee\":{\"name\":\"" + CONSIGNEE + "\",\"address\":\"Guandu District, Kunming\"},"
                + "\"containers\":[" + boxes + "],"
                + "\"goods\":[{\"description\":\"Fresh durian\",\"hsCode\":\"" + hs
                + "\",\"packages\":4000,\"grossMassKg\":880000}],"
                + (un == null ? "" : "\"unNumber\":\"" + un + "\",")
                + "\"reeferTemperatureC\":4,\"declaredValue\":2400000,\"declaredCurrency\":\"USD\","
                + "\"payers\":[{\"carrier\":\"LCR\",\"pays\":\"CONSIGNOR\"},{\"carrier\":\"CR_KUNMING\",\"pays\":\"CONSIGNEE\"}],"
                + "\"documents\":[\"invoice\",\"packing list\",\"phytosanitary certificate\"]}";
    }

    @Test
    @Order(5)
    void badNotesAreRefusedNamingTheFieldWithNothingWritten() {
        long before = rows();
        String id = booking.get("id").asText();
        String first = booking.get("units").get(0).get("unit").asText();
        String wrongDigit = first.substring(0, 10) + (char) ('0' + (first.charAt(10) - '0' + 1) % 10);
        refused(
                server.putJson("/api/freight/bookings/" + id + "/note", shipper, note(wrongDigit, "081060", null)),
                400,
                "containers[0].number");
        refused(
                server.putJson("/api/freight/bookings/" + id + "/note", shipper, note(null, "999999", null)),
                400,
                "goods[0].hsCode");
        refused(
                server.putJson("/api/freight/bookings/" + id + "/note", shipper, note(null, "081060", "9999")),
                400,
                "unNumber");
        // a known UN number on a request that said no dangerous goods
        refused(
                server.putJson("/api/freight/bookings/" + id + "/note", shipper, note(null, "081060", "1203")),
                400,
                "unNumber");
        String heavy = note(null, "081060", null).replace("\"grossMassKg\":880000", "\"grossMassKg\":9000000");
        refused(server.putJson("/api/freight/bookings/" + id + "/note", shipper, heavy), 400, "goods");
        TestServer.Reply malformed =
                server.putJson("/api/freight/bookings/" + id + "/note", shipper, "{\"consignor\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void badRequestsAndBookingsAreRefusedNamingTheFieldWithNothingWritten() {
        long before = rows();
        refused(
                server.postJson(
                        "/api/freight/requests", shipper, ask(2_000, 600).replace("\"VTS\"", "\"XXX\"")),
                400,
                "from");
        refused(server.postJson("/api/freight/requests", shipper, ask(-5, 600)), 400, "trailingMassT");
        refused(
                server.postJson(
                        "/api/freight/requests", shipper, ask(2_000, 600).replace("+07:00", "")),
                400,
                "earliestDeparture");
        refused(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"LMX-S1\",\"date\":\"" + TOMORROW
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":0}]}"),
                400,
                "equipment[0].count");
        refused(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"LMX-S1\",\"date\":\"" + TOMORROW
                                + "\",\"equipment\":[{\"kind\":\"BOX_99\",\"count\":1}]}"),
                400,
                "equipment[0].kind");
        refused(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"NOPE\",\"date\":\"" + TOMORROW
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":1}]}"),
                404,
                "slotId");
        // more wagons than the slot has
        refused(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"LMX-S1\",\"date\":\"" + TOMORROW
                                + "\",\"equipment\":[{\"kind\":\"COVERED\",\"count\":37}]}"),
                409,
                "equipment");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void theNoteIsKeptAndTheQuoteIsGivenInLakAndCny() {
        String id = booking.get("id").asText();
        JsonNode n =
                ok(server.putJson("/api/freight/bookings/" + id + "/note", shipper, note(null, "0810.60", null)), 201);
        assertThat(n.get("consignmentNumber").asText()).startsWith("LC");
        assertThat(n.get("containers").size()).isEqualTo(40);
        refused(
                server.putJson("/api/freight/bookings/" + id + "/note", shipper, note(null, "0810.60", null)),
                409,
                "bookingId");
        JsonNode q = ok(server.get("/api/freight/bookings/" + id + "/quote", shipper), 200);
        assertThat(q.get("sections").size()).isEqualTo(2);
        List<String> currencies = new ArrayList<>();
        q.get("sections")
                .forEach(s -> currencies.add(s.get("amount").get("currency").asText()));
        assertThat(currencies).containsExactly("LAK", "CNY"); // Lao section first, each in its carrier's currency
        assertThat(q.get("total").get("LAK").get("amount").decimalValue()).isPositive();
        assertThat(q.get("total").get("CNY").get("amount").decimalValue()).isPositive();
        assertThat(q.get("total").get("USD").get("amount").decimalValue()).isPositive();
        // another shipper sees none of it
        assertThat(server.get("/api/freight/bookings/" + id + "/quote", otherShipper)
                        .status())
                .isEqualTo(404);
        assertThat(ok(server.get("/api/freight/bookings", otherShipper), 200).size())
                .isZero();
    }

    @Test
    @Order(8)
    void theNoteIsAPrintablePdfInChineseLaoAndEnglishWithItsFontsEmbedded() throws Exception {
        String id = booking.get("id").asText();
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url("/api/freight/bookings/" + id + "/note.pdf")))
                                .header("Authorization", "Bearer " + shipper)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains(CONSIGNOR, CONSIGNEE) // the Lao and the Chinese party
                    .contains("万象南", "ວຽງຈັນໃຕ້", "VTS", "YHE") // the stations in their three names
                    .contains("磨憨", "ບໍ່ເຕັນ") // the border points passed
                    .contains("老中铁路有限公司", "中国铁路昆明局集团")
                    .contains(
                            "081060",
                            "SL100000",
                            booking.get("units").get(0).get("unit").asText())
                    .contains("运单", "ໃບນຳສົ່ງສິນຄ້າ", "Consignment note");
            // every font is embedded (the printer need not have it)
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            // rendered, the first page is not blank: a good share of it is ink
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            long ink = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                    if (grey < 128) {
                        ink++;
                    }
                }
            }
            assertThat(ink).as("dark pixels on page 1").isGreaterThan(image.getWidth() * image.getHeight() / 100L);
        }
        // not another shipper's; not a booking without a note
        assertThat(server.get("/api/freight/bookings/" + id + "/note.pdf", otherShipper)
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(9)
    void theFreightOfficeApprovesAndTheTrainIsInTheTimetableWithoutConflict() {
        String train = request.get("train").asText();
        assertThat(server.postJson("/api/freight/requests/" + request.get("id").asText() + "/approve", shipper, "{}")
                        .status())
                .isEqualTo(403);
        JsonNode approved = ok(
                server.postJson("/api/freight/requests/" + request.get("id").asText() + "/approve", office, "{}"), 200);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("changeId").asText()).startsWith("TC-");
        JsonNode t = ok(server.get("/api/timetable/trains/" + train + "?date=" + TOMORROW), 200);
        assertThat(t.toString()).contains("VTS").contains("YHE");
        assertThat(t.get("runsOnDate").asBoolean()).isTrue();
        // on that date only
        JsonNode next = ok(server.get("/api/timetable/trains/" + train + "?date=2026-12-07"), 200);
        assertThat(next.get("runsOnDate").asBoolean()).isFalse();
        JsonNode conflicts = ok(server.get("/api/timetable/conflicts?date=" + TOMORROW, office), 200);
        assertThat(conflicts.toString()).doesNotContain(train);
        TestServer.Reply svg = server.get(
                "/api/timetable/diagram.svg?from=YHE&to=VTS&date=" + TOMORROW + "&start=00:00&hours=48", office);
        assertThat(svg.status()).as(svg.body()).isEqualTo(200);
        assertThat(svg.body()).contains(train);
        JsonNode trains = ok(server.get("/api/freight/trains?date=" + TOMORROW, office), 200);
        assertThat(trains.toString()).contains(train);
        // approving twice is refused
        refused(
                server.postJson("/api/freight/requests/" + request.get("id").asText() + "/approve", office, "{}"),
                409,
                "status");
        JsonNode empties = ok(server.get("/api/freight/empties?date=" + TOMORROW, office), 200);
        assertThat(empties.get("emptiesToReturn").asInt()).isEqualTo(40);
    }
}
