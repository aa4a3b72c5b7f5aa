package org.lancang.store.sales;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.db.GroupCommit;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.TravelDocuments;
import org.lancang.ticketing.fares.FareTable;

/** What the sales tests build alike: a sales service of their own on a platform's database, and a simple hold. */
public final class SalesFixtures {
    private SalesFixtures() {}

    /** A sales service of its own (its own writer, clock, provider and hold time) over the platform's database. */
    public static SalesService service(
            Platform platform, String name, PaymentProvider provider, Clock clock, Duration holdTime) {
        ClasspathDataFiles files = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        Jdbi jdbi = platform.database().jdbi();
        return new SalesService(
                jdbi,
                new GroupCommit(jdbi, name, Platform.SALES_COMMITTERS),
                platform.timetable(),
                FareTable.parse(
                        platform.reference().network(),
                        platform.currencies(),
                        files.read("fares.csv"),
                        files.read("exchange-rates.csv")),
                TravelDocuments.of(files),
                SalesWindow.of(platform.operators()),
                RefundRules.defaults(),
                provider,
                clock,
                holdTime);
    }

    /** One adult with a Chinese resident ID, second class, from Kunming South to Xishuangbanna. */
    public static HoldRequest oneTraveller(String train, LocalDate date, String document) {
        return new HoldRequest(
                train,
                date,
                "KMS",
                "XSB",
                SeatClass.SECOND,
                null,
                0,
                List.of(new Passenger(
                        "Traveller " + document,
                        "CHINESE_RESIDENT_ID",
                        document,
                        "CHN",
                        LocalDate.of(1990, 1, 1),
                        null)),
                WorldCurrencies.CNY);
    }
}
