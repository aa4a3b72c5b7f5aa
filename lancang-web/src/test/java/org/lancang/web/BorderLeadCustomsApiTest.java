package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.SecondBorderCustomsApiTest.manifestOf;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.customs.CustomsRules;
import org.lancang.data.CsvTable;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.TestDates;

/**
 * A network with two borders, each with its own advance-data lead (customs-rules.csv's border column), over HTTP: the
 * tiny test line with its freight additions, whose southbound container train meets the Atlantis – Borduria border's
 * controls first and its northbound one the Borduria – Syldavia border's. Each train's manifest is due the lead of the
 * border it crosses, and says which border and lead.
 */
class BorderLeadCustomsApiTest {
    static final String TINY = "tiny";
    /**
     * The leads of the fixture's customs-rules.csv, read from the file (inputs of the test): its every-border row
     * differs from the built-in default, so a blank-border row the load ignored would show.
     */
    static final Duration EVERY_BORDER = fixtureLead("");

    static final Duration AT_QXBC = fixtureLead("QXBC");
    static final LocalDate DATE = TestDates.daysAhead(3);

    static TestServer server;
    static String shipper;
    static String office;

    @BeforeAll
    static void start() {
        server = TestServer.withOthers(List.of(TestNetworkFolder.tinyWithFreight()));
        String admin = server.adminToken();
        shipper = FreightApiTest.user(server, admin, "lead.shipper", "SHIPPER");
        office = FreightApiTest.user(server, admin, "lead.office", "FREIGHT_OFFICE");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The value, in minutes, of the fixture's row for {@code border} (blank: every border). */
    static Duration fixtureLead(String border) {
        List<CsvTable.Row> rows = CsvTable.parse(
                        CustomsRules.FILE,
                        TestNetworkFolder.tinyWithFreight().read(CustomsRules.FILE),
                        List.of("value", CustomsRules.BORDER))
                .rows();
        return rows.stream()
                .filter(r -> r.text(CustomsRules.BORDER).strip().equals(border))
                .map(r -> Duration.ofMinutes(Long.parseLong(r.text("value"))))
                .reduce((a, b) -> {
                    throw new AssertionError("two rows for border '" + border + "'");
                })
                .orElseThrow();
    }

    static JsonNode book(String slot) {
        return ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"" + slot + "\",\"date\":\"" + DATE + "\",\"network\":\"" + TINY
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":1}]}"),
                201);
    }

    static Duration lead(JsonNode m) {
        return Duration.between(
                Instant.parse(m.get("dueAt").asText()),
                Instant.parse(m.get("arrivesAt").asText()));
    }

    @Test
    void eachTrainsAdvanceDataIsDueTheLeadOfTheBorderItCrosses() {
        String south = book("TF-S").get("train").asText();
        String north = book("TF-N").get("train").asText();
        JsonNode manifests = ok(server.get("/api/freight/manifests?date=" + DATE + "&network=" + TINY, office), 200);

        JsonNode first = manifestOf(manifests, south);
        assertThat(first.get("border").asText()).isEqualTo("QXAB");
        assertThat(first.get("control").asText()).isEqualTo("QAB");
        assertThat(EVERY_BORDER)
                .as("the fixture's every-border lead is not the default, which an ignored row would give")
                .isNotEqualTo(CustomsRules.DEFAULT.everyBorder().before());
        assertThat(lead(first)).isEqualTo(EVERY_BORDER);
        assertThat(first.get("leadMinutes").asLong()).isEqualTo(EVERY_BORDER.toMinutes());

        JsonNode second = manifestOf(manifests, north);
        assertThat(second.get("border").asText()).isEqualTo("QXBC");
        assertThat(second.get("control").asText()).isEqualTo("QCA");
        assertThat(lead(second)).isEqualTo(AT_QXBC);
        assertThat(second.get("leadMinutes").asLong()).isEqualTo(AT_QXBC.toMinutes());

        // the freight office's border board says the same
        JsonNode board = ok(server.get("/api/freight/border-board?date=" + DATE + "&network=" + TINY, office), 200);
        assertThat(board.findValuesAsText("border")).contains("QXAB", "QXBC");
    }
}
