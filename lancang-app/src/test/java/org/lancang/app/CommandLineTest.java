package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.network.Point;
import org.lancang.reference.ReferenceData;
import org.lancang.store.operations.ServerClock;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestDatabase;
import org.lancang.testing.TestDates;
import org.lancang.web.http.Json;
import picocli.CommandLine;

/** The lancang command against a real PostgreSQL (an external one by --db-url, as a user would give it). */
class CommandLineTest {
    private static String dbUrl;

    /** One fresh database for all command-line tests, whichever test class runs first. */
    static synchronized String dbUrl() {
        if (dbUrl == null) {
            dbUrl = TestDatabase.fresh().jdbcUrl();
        }
        return dbUrl;
    }

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db-url=" + dbUrl());
        return runWithoutDatabase(all.toArray(String[]::new));
    }

    static Run runWithoutDatabase(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Lancang.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The commands run in this JVM take the tests' one "now" (set in this module's pom), not the real date. */
    @Test
    void commandsRunOnTheTestsClock() {
        assertThat(System.getenv(ServerClock.VARIABLE)).isEqualTo(TestDates.LANCANG_CLOCK);
        assertThat(ServerClock.fromEnvironment().instant()).isBetween(TestDates.START, TestDates.START.plusSeconds(60));
    }

    @Test
    void networkPointsAsCsvListsThe36PointsInKmOrder() {
        Run r = run("network", "points", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\\R");
        assertThat(lines).hasSize(37);
        assertThat(lines[0]).startsWith("code,name_en,name_zh,name_lo,country,km");
        List<Point> expected = ReferenceData.parse(new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS))
                .network()
                .referencePoints();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(lines[i + 1]).startsWith(expected.get(i).code() + ",");
        }
        assertThat(lines[1]).contains("昆明");
        assertThat(lines[2]).contains("昆明南");
    }

    @Test
    void networkPointsAsJsonIsTheApiShape() throws Exception {
        Run r = run("network", "points", "--format=json");
        JsonNode points = Json.MAPPER.readTree(r.out());
        assertThat(points).hasSize(36);
        assertThat(points.get(0).get("names").get("en").asText()).isEqualTo("Kunming");
        assertThat(points.get(1).get("names").get("en").asText()).isEqualTo("Kunming South");
        assertThat(run("network", "points").out()).contains("KMS", "Kunming South", "VTS");
    }

    @Test
    void usersAddListAndSetRole() {
        Run added = run("users", "add", "noy", "--role", "AGENT,PASSENGER", "--name", "Noy K.");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("added noy with roles AGENT,PASSENGER").containsPattern("password: \\S{20}");
        assertThat(run("users", "list").out()).containsPattern("noy\\s+Noy K\\.\\s+AGENT,PASSENGER");
        Run changed = run("users", "set-role", "noy", "MAINTAINER", "DISPATCHER");
        assertThat(changed.out()).contains("noy now has roles DISPATCHER,MAINTAINER");
    }

    @Test
    void badUserCommandsExplainAndExitNonZero() {
        Run unknownRole = run("users", "add", "pat", "--role", "PILOT");
        assertThat(unknownRole.exitCode()).isNotZero();
        assertThat(unknownRole.err()).contains("PILOT");
        Run unknownUser = run("users", "set-role", "nobody-here", "PLANNER");
        assertThat(unknownUser.exitCode()).isEqualTo(2);
        assertThat(unknownUser.err()).contains("nobody-here");
        Run weak = run("users", "add", "pat", "--role", "PLANNER", "--password", "short");
        assertThat(weak.exitCode()).isEqualTo(2);
        assertThat(weak.err()).contains("password:");
        // --name is optional: an empty username is the username's fault, and the display name is not blamed for it
        Run noName = run("users", "add", "", "--role", "PLANNER");
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err())
                .contains("username")
                .doesNotContain("displayName")
                .doesNotContain("--name");
        Run blankDisplay = run("users", "add", "pat2", "--role", "PLANNER", "--name", " ");
        assertThat(blankDisplay.exitCode()).isEqualTo(2);
        assertThat(blankDisplay.err()).contains("--name:").doesNotContain("displayName");
        Run badFormat = run("network", "points", "--format", "xml");
        assertThat(badFormat.exitCode()).isNotZero();
    }

    @Test
    void salesJourneysListsTheTrainsWithLocalTimesSeatsAndFaresAndNamesABadStation() {
        String date = TestDates.daysAhead(3).toString();
        Run r = run("sales", "journeys", "--from", "VTE", "--to", "LPB", "--date", date);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("C82", "D88", "K12")
                .contains("(UTC+07:00)")
                .contains("LAK");
        assertThat(r.out().lines().filter(l -> l.startsWith("C82")).findFirst().orElseThrow())
                .as("whole minutes, as passengers read them")
                .matches("C82\\s+VTE 07:30 → LPB \\d\\d:\\d\\d \\(UTC.*");
        Run bad = run("sales", "journeys", "--from", "VTE", "--to", "NOWHERE", "--date", date);
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("to");
    }

    @Test
    void salesReconcileExitsZeroOnlyWhenEveryChargeIsMatchedByATicketOrARefund() throws Exception {
        Run clean = run("sales", "reconcile", "--date", "2027-01-15");
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("service date 2027-01-15").contains("OK: every charge is matched");
        // money the provider took for a booking Lancang never made
        try (Connection c = DriverManager.getConnection(dbUrl(), "postgres", "")) {
            c.createStatement()
                    .execute("INSERT INTO simulated_provider_ledger (key, reference, kind, status, amount_minor,"
                            + " currency, provider_reference, created_at, updated_at) VALUES ('pay:stray-charge',"
                            + " '00000000-0000-7000-8000-000000000001', 'CHARGE', 'CAPTURED', 47000, 'CNY', 'SIM-stray',"
                            + " now(), now())");
            try {
                Run found = run("sales", "reconcile");
                assertThat(found.exitCode()).as(found.out()).isEqualTo(1);
                assertThat(found.out())
                        .contains("MONEY booking 00000000-0000-7000-8000-000000000001")
                        .contains("NOT OK");
            } finally {
                c.createStatement().execute("DELETE FROM simulated_provider_ledger WHERE key = 'pay:stray-charge'");
            }
        }
    }
}
