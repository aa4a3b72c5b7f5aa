package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFiles;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;

/**
 * A network the pages have never seen (the Narvik – Kiruna folder a stranger wrote, lancang-core's test resources)
 * names its time zones by its own countries, from its countries.csv: in English and Chinese by the file's names, in
 * Lao (a column the file leaves blank) by the English one; never by a bare code ("NO time"). The names expected are
 * read from the fixture's file, not from the page's code. The planner's time axes and the line map's zone note, border labels
 * (each country's own name too, Norge and Sverige, which only the file knows) and points table are checked. Screenshots: target/screenshots/stranger-zones-*.
 */
class StrangerNetworkZonesBrowserTest {
    private static final DataFiles FILES = TestNetworkFolder.ofotbanen();
    private static final String DATE = TestDates.daysAhead(3).toString();
    private static final By AXES = By.cssSelector("[data-field='zone'] option");

    private static TestServer server;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withOthers(List.of(FILES));
        server.user(server.adminToken(), "planner.nordic", "PLANNER");
        b = new BrowserSupport(server, 1280, 900);
    }

    @AfterAll
    static void stop() {
        BrowserSupport.close(b, server);
    }

    @BeforeEach
    void fresh() {
        b.fresh();
        b.consoleErrors();
    }

    /** The fixture's countries.csv: each country's code and its name in one language column ("" where blank). */
    private static Map<String, String> countryNames(String column) {
        CsvTable table = CsvTable.parse(
                "countries.csv", FILES.read("countries.csv"), List.of("code", "name_en", "name_zh", "name_lo"));
        return table.rows().stream().collect(Collectors.toMap(r -> r.required("code"), r -> r.text(column)));
    }

    @Test
    void thePlannersTimeAxesOfAStrangersNetworkAreNamedByItsOwnCountries() {
        Map<String, String> english = countryNames("name_en");
        Map<String, String> chinese = countryNames("name_zh");
        assertThat(countryNames("name_lo").values())
                .as("the fixture has no Lao names: Lao falls back to English")
                .allMatch(String::isBlank);

        b.signIn("planner.nordic", "password of planner.nordic", "/planner.html?network=ofotbanen&date=" + DATE);
        b.texts(
                AXES,
                axes -> assertThat(axes)
                        .anyMatch(a -> a.startsWith(english.get("NO") + " time") && a.contains("UTC+"))
                        .anyMatch(a -> a.startsWith(english.get("SE") + " time"))
                        .noneMatch(a -> a.startsWith("NO time") || a.startsWith("SE time")));
        b.shot("stranger-zones-1-planner-en");

        b.lang("zh");
        b.texts(
                AXES,
                axes -> assertThat(axes)
                        .anyMatch(a -> a.startsWith(chinese.get("NO") + "时间"))
                        .anyMatch(a -> a.startsWith(chinese.get("SE") + "时间")));

        b.lang("lo");
        b.texts(
                AXES,
                axes -> assertThat(axes)
                        .anyMatch(a -> a.startsWith("ເວລາ" + english.get("NO")))
                        .anyMatch(a -> a.startsWith("ເວລາ" + english.get("SE"))));
        b.shot("stranger-zones-2-planner-lo");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void theLineMapOfAStrangersNetworkNamesTheZonesOfItsPointsByItsOwnCountries() {
        Map<String, String> english = countryNames("name_en");
        Map<String, String> chinese = countryNames("name_zh");
        b.driver.get(server.url("/?network=ofotbanen"));
        b.text(
                By.id("map-tz"),
                tz -> assertThat(tz)
                        .contains(english.get("NO") + " UTC+")
                        .contains(english.get("SE") + " UTC+")
                        .contains("Europe/Oslo")
                        .doesNotContain("NO UTC")
                        .doesNotContain("SE UTC"));
        // the countries on either side of the border, and each point's country in the table, by name too
        b.text(
                By.cssSelector("#map-scroll svg"),
                drawn -> assertThat(drawn).contains(english.get("NO")).contains(english.get("SE")));
        // each country's own name at the border, in the language the file gives it (no page knows Norwegian)
        b.text(
                By.cssSelector("#map-scroll svg"),
                drawn -> assertThat(drawn).contains("Norge · Norway").contains("Sverige · Sweden"));
        b.texts(
                By.cssSelector("#map-scroll svg text.country tspan"),
                own -> assertThat(own).containsExactly("Norge", "Sverige"));
        assertThat(b.driver.findElements(By.cssSelector("#map-scroll svg text.country tspan[lang=nb]")))
                .hasSize(1);
        b.texts(
                By.cssSelector("#points-table tbody tr"),
                rows -> assertThat(rows)
                        .anyMatch(row -> row.contains(english.get("NO")))
                        .anyMatch(row -> row.contains(english.get("SE"))));
        b.lang("zh");
        b.text(
                By.id("map-tz"),
                tz -> assertThat(tz).contains(chinese.get("NO") + " UTC+").contains(chinese.get("SE") + " UTC+"));
        b.text(By.cssSelector("#map-scroll svg"), drawn -> assertThat(drawn).contains("Norge · " + chinese.get("NO")));
        b.shot("stranger-zones-3-map-zh");
        assertThat(b.consoleErrors()).isEmpty();
    }
}
