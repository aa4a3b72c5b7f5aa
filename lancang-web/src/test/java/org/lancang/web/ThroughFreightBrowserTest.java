package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The through consignment Kunming → Bangkok on the shipper's page, in Lao, in a real headless Chromium: a destination
 * on the other network, the two legs with each carrier's section, the time at the Vientiane South yard, the carriers
 * and the through total; the shipper's booking to the yard sent on through, and its note downloaded as a PDF.
 */
class ThroughFreightBrowserTest {
    static TestServer server;
    static BrowserSupport b;
    static String bookingId;
    static String shipper;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.everyNetwork();
        String admin = server.adminToken();
        shipper = FreightApiTest.user(server, admin, "lao.through", "SHIPPER");
        FreightApiTest.user(server, admin, "srt.office", "FREIGHT_OFFICE");
        // four reefer boxes Yanhe → Vientiane South on the express the day after tomorrow, with their note
        String date = TestDates.daysAhead(2).toString();
        TestServer.Reply r = server.postJson(
                "/api/freight/bookings",
                shipper,
                "{\"slotId\":\"LMX-S1\",\"date\":\"" + date
                        + "\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":4}]}");
        JsonNode booking = ok(r, 201);
        bookingId = booking.get("id").asText();
        ok(
                server.putJson(
                        "/api/freight/bookings/" + bookingId + "/note",
                        shipper,
                        FreightApiTest.note(booking, null, "081060", null).replace("880000", "100000")),
                201);
        b = new BrowserSupport(server, 1280, 2400);
    }

    @AfterAll
    static void stop() {
        BrowserSupport.close(b, server);
    }

    @Test
    void aShipperQuotesAndSendsBoxesOnToBangkokInLao() {
        b.fresh();
        b.signIn("lao.through", "password of lao.through", "/freight.html");
        b.wait.until(d -> d.getCurrentUrl().endsWith("/freight.html"));
        b.lang("lo");
        b.wait.until(d -> d.findElements(By.cssSelector("#through-to option")).size() >= 2);
        b.text(By.id("through-heading"), heading -> assertThat(heading).isEqualTo("ຂົນສົ່ງຕໍ່ໄປເຄືອຂ່າຍອື່ນ"));
        b.setValue(By.id("through-from"), "YHE");
        b.setValue(By.id("through-to"), "KTW");
        b.setValue(By.id("through-kind"), "REEFER_40");
        b.driver.findElement(By.id("through-count")).clear();
        b.type(By.id("through-count"), "4");
        b.click(By.cssSelector("#through-form [type=submit]"));

        // both legs, the yard between them, the carriers in Lao and the total in baht among the others
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("through-yard")));
        b.text(
                By.id("through-yard"),
                yard -> assertThat(yard)
                        .startsWith("ຂົນຖ່າຍ")
                        .contains("4 ຕູ້", "1 ຊຸດ", "25 ຕູ້ລົດ", "3 ຊົ່ວໂມງ 00 ນາທີ"));
        b.texts(By.cssSelector("#through-quote .leg"), legs -> assertThat(legs).hasSize(2));
        b.text(
                By.cssSelector(".leg[data-leg='1']"),
                first -> assertThat(first).startsWith("ຊ່ວງທີ 1").contains("CNY", "LAK"));
        b.text(
                By.cssSelector(".leg[data-leg='2']"),
                second -> assertThat(second).startsWith("ຊ່ວງທີ 2").contains("ການລົດໄຟແຫ່ງປະເທດໄທ", "THB"));
        b.text(
                By.id("through-carriers"),
                carriers -> assertThat(carriers)
                        .contains(
                                "ກຸ່ມບໍລິສັດທາງລົດໄຟຈີນ ຄຸນໝິງ",
                                "ບໍລິສັດ ທາງລົດໄຟ ລາວ-ຈີນ ຈຳກັດ",
                                "ການລົດໄຟແຫ່ງປະເທດໄທ"));
        b.text(
                By.id("through-total"),
                total -> assertThat(total).startsWith("ລວມທັງໝົດ:").contains("THB", "LAK", "CNY", "USD"));
        // the page shows what the API answers for the same ask
        JsonNode q = ok(
                server.postJson(
                        "/api/freight/through/quote",
                        null,
                        "{\"from\":\"YHE\",\"to\":\"KTW\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":4}]}"),
                200);
        b.text(
                By.id("through-total"),
                total -> assertThat(total)
                        .contains(q.get("total").get("THB").get("amount").asText() + " THB"));
        b.shot("freight-through-quote-lo");

        // the booking to the yard is offered, sent on through, and its note downloads as a PDF
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consign-form")));
        b.setValue(By.id("through-booking"), bookingId);
        b.click(By.cssSelector("#consign-form [type=submit]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("through-consigned")));
        b.text(
                By.id("through-consigned"),
                done -> assertThat(done).contains(bookingId).contains("ສົ່ງຕໍ່ໄປຮອດ"));
        String onward = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT onward_to FROM freight_through WHERE booking_id = :b")
                        .bind("b", bookingId)
                        .mapTo(String.class)
                        .one());
        assertThat(onward).isEqualTo("KTW");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("through-pdf")));
        b.text(By.id("through-pdf"), pdf -> assertThat(pdf).isEqualTo("ດາວໂຫຼດໃບນຳສົ່ງສິນຄ້າ (PDF)"));
        assertThat(FreightBrowserTest.download(b, "through-pdf")).isEqualTo("200 application/pdf");
        b.shot("freight-through-consigned-lo");
        assertThat(b.consoleErrors()).allMatch(m -> m.contains("/api/auth/me") && m.contains("401"));
    }

    /** The freight office's page on the other network (?network=): its request approved, its train in its day. */
    @Test
    void theFreightOfficeApprovesARequestOnTheOtherNetwork() {
        String date = TestDates.daysAhead(2).toString();
        JsonNode request = ok(
                server.postJson(
                        "/api/freight/requests",
                        shipper,
                        "{\"from\":\"TNL\",\"to\":\"NTA\",\"earliestDeparture\":\"" + date
                                + "T16:00:00+07:00\",\"trailingMassT\":700,\"lengthM\":380,\"network\":"
                                + "\"vientiane-bangkok\"}"),
                201);
        assertThat(request.get("status").asText()).isEqualTo("PROPOSED");
        String id = request.get("id").asText();
        b.fresh();
        b.signIn("srt.office", "password of srt.office", "/freight-office.html?network=vientiane-bangkok");
        b.wait.until(d -> d.getCurrentUrl().endsWith("/freight-office.html?network=vientiane-bangkok"));
        b.lang("lo");
        b.click(By.cssSelector("article.request[data-id='" + id + "'] [data-action=approve]"));
        By approved = By.cssSelector("article.request[data-id='" + id + "'][data-status=APPROVED]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(approved));
        b.text(
                approved,
                text -> assertThat(text).contains("ທ່ານາແລ້ງ")); // Thanaleng in Lao, from that network's points
        b.click(By.cssSelector("article.request[data-id='" + id + "'] .btn-link"));
        b.wait.until(d -> Boolean.TRUE.equals(b.js(
                "const i = document.querySelector('#diagram img'); return !!i && i.complete && i.naturalWidth > 0")));
        assertThat(String.valueOf(b.js("return document.querySelector('#diagram img').src")))
                .contains("network=vientiane-bangkok");
        b.shot("freight-office-other-network-lo");
        String train = request.get("train").asText();
        assertThat(server.get("/api/timetable/trains?date=" + date + "&network=vientiane-bangkok")
                        .body())
                .contains("\"" + train + "\"");
        assertThat(b.consoleErrors()).allMatch(m -> m.contains("/api/auth/me") && m.contains("401"));
    }
}
