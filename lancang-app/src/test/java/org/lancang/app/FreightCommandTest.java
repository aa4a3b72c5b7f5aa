package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.TestDates;

/** {@code lancang freight slots|request|quote} against a real database. */
class FreightCommandTest {
    static final String DATE = "2026-12-06";

    @Test
    void theCatalogueIsOneSlotALine() {
        CommandLineTest.Run slots = CommandLineTest.run("freight", "slots", "--date", DATE);
        assertThat(slots.exitCode()).as(slots.err()).isZero();
        List<String> lines = slots.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty().allMatch(l -> l.contains("TEU left"));
    }

    @Test
    void aRequestPrintsThePathOrTheBindingConstraint() {
        CommandLineTest.Run ok = CommandLineTest.run(
                "freight",
                "request",
                "--from",
                "VTS",
                "--to",
                "YHE",
                "--earliest",
                DATE + "T08:00+07:00",
                "--mass",
                "2800",
                "--length",
                "600");
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("PROPOSED").contains("path: departs");
        CommandLineTest.Run heavy = CommandLineTest.run(
                "freight",
                "request",
                "--from",
                "VTS",
                "--to",
                "YHE",
                "--earliest",
                DATE + "T08:00+07:00",
                "--mass",
                "3600");
        assertThat(heavy.exitCode()).isEqualTo(3);
        assertThat(heavy.out()).contains("NO_PATH").contains("GRADIENT").contains("cannot start");
    }

    /**
     * {@code customs-messages}: a fresh database has sent nothing (the messages themselves are tested over HTTP by
     * CustomsMessagesApiTest); an unknown message or network is refused with exit code 2, saying which.
     */
    @Test
    void customsMessagesListsWhatWasSentAndRefusesAnUnknownOne() {
        CommandLineTest.Run none = CommandLineTest.run("freight", "customs-messages", "--country", "LA");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).isBlank();
        CommandLineTest.Run unknown = CommandLineTest.run("freight", "customs-messages", "--seq", "999999");
        assertThat(unknown.exitCode()).as(unknown.out()).isEqualTo(2);
        assertThat(unknown.err()).contains("no customs message 999999");
        CommandLineTest.Run nowhere = CommandLineTest.run("freight", "customs-messages", "--network", "nowhere");
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err())
                .as("names the option, as the other commands do")
                .contains("--network: ");
        assertThat(nowhere.err()).contains("nowhere");
    }

    /**
     * {@code customs-messages} reads page after page ({@value FreightCommand.CustomsMessages#PAGE} a query) until none
     * is left: 2,345 messages to a made-up customs (ZZ, so no other test's messages mix in) print one line each, in
     * seq order, from the start or after a given seq. Before, it stopped at the first 1,000.
     */
    @Test
    void customsMessagesPrintsEveryPageAfterTheSeqGiven() throws Exception {
        int sent = 2345;
        try (Connection c = DriverManager.getConnection(CommandLineTest.dbUrl(), "postgres", "")) {
            CommandLineTest.Run migrated = CommandLineTest.run("freight", "customs-messages", "--country", "ZZ");
            assertThat(migrated.out()).as(migrated.err()).isBlank();
            c.createStatement()
                    .execute("INSERT INTO customs_message (network, train, service_date, border, control, receiver,"
                            + " version, reference, consignments, body, sent_by, created_at)"
                            + " SELECT 'paging', 'T' || i, DATE '2026-12-06', 'ZB', 'ZC', 'ZZ', 1, 'PAGING-' || i,"
                            + " ARRAY['C' || i], 'UNH', 'test', now() FROM generate_series(1, " + sent + ") i");
            try {
                List<Long> all = seqs(CommandLineTest.run("freight", "customs-messages", "--country", "zz"));
                assertThat(all).hasSize(sent).isSorted().doesNotHaveDuplicates();
                long after = all.get(1499);
                assertThat(seqs(CommandLineTest.run(
                                "freight", "customs-messages", "--country", "ZZ", "--after", Long.toString(after))))
                        .as("after the 1,500th")
                        .isEqualTo(all.subList(1500, sent));
                assertThat(seqs(CommandLineTest.run(
                                "freight",
                                "customs-messages",
                                "--country",
                                "ZZ",
                                "--after",
                                Long.toString(all.get(sent - 1)))))
                        .as("after the last")
                        .isEmpty();
            } finally {
                c.createStatement().execute("DELETE FROM customs_message WHERE receiver = 'ZZ'");
            }
        }
    }

    /** The seq at the start of each line a customs-messages run printed. */
    private static List<Long> seqs(CommandLineTest.Run r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out()
                .lines()
                .filter(l -> !l.isBlank())
                .map(l -> Long.parseLong(l.substring(0, l.indexOf(' '))))
                .toList();
    }

    @Test
    void aQuoteGivesEachSectionAndTheTotals() {
        CommandLineTest.Run q =
                CommandLineTest.run("freight", "quote", "--from", "VTS", "--to", "YHE", "--item", "REEFER_40:40");
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(q.out()).contains("LCR").contains("CR_KUNMING").contains("total");
    }

    /**
     * {@code --via} on the loop test network with freight (main line Xeno – Quill 30 km, the loop through Yola 60
     * km): the request round the loop is kept with its via and arrives later than the one on the shortest way; a via
     * off every way between the two stations is refused with exit code 2, naming {@code via}.
     */
    @Test
    void aRequestTakesItsViaAndABadViaIsRefusedNamingIt(@TempDir Path dir) {
        String loop =
                TestNetworkFolder.loopWithFreight().writeTo(dir.resolve("loop")).toString();
        String earliest = TestDates.daysAhead(3) + "T10:00+00:00";
        List<String> ask = List.of(
                "freight",
                "request",
                "--network",
                loop,
                "--from",
                "QP",
                "--to",
                "QR",
                "--earliest",
                earliest,
                "--mass",
                "500",
                "--length",
                "300");

        CommandLineTest.Run round = request(ask, "--via", "qy");
        assertThat(round.exitCode()).as(round.out() + round.err()).isZero();
        assertThat(round.out()).contains("PROPOSED").contains("QP → QR via QY");
        CommandLineTest.Run straight = request(ask);
        assertThat(straight.exitCode()).as(straight.out() + straight.err()).isZero();
        assertThat(straight.out()).contains("QP → QR").doesNotContain(" via ");
        assertThat(arrival(round)).as("30 km more round the loop").isAfter(arrival(straight));

        CommandLineTest.Run bad = request(ask, "--via", "QZ");
        assertThat(bad.exitCode()).as(bad.out() + bad.err()).isEqualTo(2);
        assertThat(bad.err()).startsWith("via: ");
        assertThat(bad.out()).isEmpty();
    }

    private static CommandLineTest.Run request(List<String> ask, String... more) {
        List<String> args = new ArrayList<>(ask);
        args.addAll(List.of(more));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    /** The arrival a request's answer prints ("path: departs …, arrives …, waits …"). */
    private static Instant arrival(CommandLineTest.Run r) {
        Matcher m = Pattern.compile("arrives (\\S+), waits").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return Instant.parse(m.group(1));
    }
}
