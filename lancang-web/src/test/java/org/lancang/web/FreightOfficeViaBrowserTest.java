package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestNetworkFolder;
import org.openqa.selenium.By;

/**
 * The freight office sees the way a shipper asked for before approving it, in a real headless Chromium on the loop
 * test network with freight ({@link TestNetworkFolder#loopWithFreight}): a request round the loop shows the junction its train is to
 * run through by name, a request for the shortest way shows none.
 */
class FreightOfficeViaBrowserTest {
    static TestServer server;
    static BrowserSupport b;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withOthers(List.of(TestNetworkFolder.loopWithFreight()));
        server.user(server.adminToken(), "loop.office", "FREIGHT_OFFICE");
        b = new BrowserSupport(server, 1280, 1200);
    }

    @AfterAll
    static void stop() {
        BrowserSupport.close(b, server);
    }

    @Test
    void aRequestsViaIsShownByNameAndAShortestWayShowsNone() {
        String shipper = server.user(server.adminToken(), "loop.shipper", "SHIPPER");
        String round = ok(
                        server.postJson(
                                "/api/freight/requests", shipper, FreightViaApiTest.ask("QP", "QR", "[\"QY\"]")),
                        201)
                .get("id")
                .asText();
        String straight = ok(
                        server.postJson("/api/freight/requests", shipper, FreightViaApiTest.ask("QP", "QR", null)), 201)
                .get("id")
                .asText();

        b.fresh();
        b.signIn("loop.office", "password of loop.office", "/freight-office.html?network=loop");
        // Yola is the loop's junction's name in the test network's points file: the code is never shown bare
        b.text(
                By.cssSelector("article.request[data-id='" + round + "'] .via"),
                t -> assertThat(t).contains("Yola").doesNotContain("QY"));
        b.text(
                By.cssSelector("article.request[data-id='" + straight + "']"),
                t -> assertThat(t).isNotBlank());
        assertThat(b.driver.findElements(By.cssSelector("article.request[data-id='" + straight + "'] .via")))
                .as("the shortest way names no junction")
                .isEmpty();
        b.shot("freight-office-via");
    }
}
