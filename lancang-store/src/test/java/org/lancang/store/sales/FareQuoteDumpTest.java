package org.lancang.store.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.reference.CurrencyFiles;
import org.lancang.ticketing.fares.AgeFares;
import org.lancang.ticketing.fares.Berth;
import org.lancang.ticketing.fares.FareTable;
import org.lancang.ticketing.fares.PassengerFare;
import org.lancang.timetable.TrainPlan;

/**
 * Every fare quote of the shipped networks, written to {@code target/fare-quotes.txt}: each train, each pair of its
 * calls, each class (and berth) it has, each currency, an adult and a child. A change to how fares are computed or
 * rounded diffs this file before and after: the rounding fix of the third currency changed none of these figures.
 */
class FareQuoteDumpTest {
    private static final LocalDate TRAVEL = LocalDate.of(2026, 12, 1);
    private static final List<LocalDate> BORN =
            Arrays.asList(null, LocalDate.of(1990, 5, 17), LocalDate.of(2018, 3, 1));

    @Test
    void everyQuoteOfBothNetworksIsWritten() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String code : List.of(ClasspathDataFiles.CHINA_LAOS, "vientiane-bangkok")) {
            ClasspathDataFiles files = new ClasspathDataFiles(code);
            Currencies currencies = CurrencyFiles.of(List.of(files));
            ServedNetwork n = ServedNetwork.fromFiles(files, currencies);
            FareTable fares = n.fares().orElseThrow();
            if (files.has(AgeFares.FILE)) {
                fares = fares.withAgeFares(AgeFares.parse(files.read(AgeFares.FILE), n.operators()));
            }
            for (TrainPlan plan : n.plans()) {
                List<String> calls = new ArrayList<>();
                calls.add(plan.from());
                plan.stops().forEach(s -> calls.add(s.point()));
                calls.add(plan.to());
                var type = n.reference().rollingStock().type(plan.trainType()).orElseThrow();
                List<Seat> seats = type.seats();
                var classes = seats.stream().map(Seat::seatClass).distinct().toList();
                for (int a = 0; a < calls.size(); a++) {
                    for (int b = a + 1; b < calls.size(); b++) {
                        for (var cls : classes) {
                            List<Berth> berths = Berth.sleeper(cls) ? List.of(Berth.UPPER, Berth.LOWER) : null;
                            for (Berth berth : berths == null ? Arrays.asList((Berth) null) : berths) {
                                for (Currency cur : currencies.all()) {
                                    for (LocalDate born : BORN) {
                                        String key = code + " " + plan.number() + " " + calls.get(a) + "-"
                                                + calls.get(b) + " " + cls + " " + berth + " " + cur.code() + " "
                                                + born;
                                        lines.add(key + " = "
                                                + quote(
                                                        fares,
                                                        calls.get(a),
                                                        calls.get(b),
                                                        cls,
                                                        plan,
                                                        berth,
                                                        cur,
                                                        born));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        Path out = Path.of("target", "fare-quotes.txt");
        Files.write(out, lines);
        long priced = lines.stream()
                .filter(l -> !l.endsWith("= none") && !l.contains("= refused"))
                .count();
        System.out.println("FareQuoteDumpTest: " + lines.size() + " quotes (" + priced + " priced) in " + out);
        assertThat(priced).isGreaterThan(1000);
    }

    private static String quote(
            FareTable fares,
            String from,
            String to,
            SeatClass cls,
            TrainPlan plan,
            Berth berth,
            Currency currency,
            LocalDate born) {
        try {
            return fares.quote(from, to, cls, plan, berth, currency, born, TRAVEL)
                    .map(PassengerFare::toString)
                    .orElse("none");
        } catch (InvalidInput e) {
            return "refused " + e.getMessage();
        }
    }
}
