package org.lancang.gtfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.lancang.network.Network;
import org.lancang.network.NetworkParser;
import org.lancang.timetable.Call;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;

/**
 * The real China–Laos network from {@code data/china-laos} and a small hand-made timetable on it: the cross-border
 * pair D887/D888, the Lao domestic C82, a Chinese domestic D train and a freight train. Times are plausible, not
 * published ones. Call notation: {@code "YXI 08:45 08:48"} a stop, {@code "YHE ~08:51"} a passing point,
 * {@code "KMS - 08:08"} the origin, {@code "VTE 18:27 -"} the terminus; times are offsets from midnight in the train's
 * origin zone (Beijing time for Chinese origins, Lao time for Lao ones).
 */
final class Fixtures {
    static final LocalDate START = LocalDate.of(2027, 1, 1);
    static final LocalDate END = LocalDate.of(2027, 12, 31);
    private static Network network;
    private static Operators operators;

    private Fixtures() {}

    /** The network read from the real data files (the tests run in the module directory). */
    static synchronized Network network() {
        if (network == null) {
            Path dir = Path.of("..", "data", "china-laos");
            network = NetworkParser.parse(name -> {
                try {
                    return Files.readString(dir.resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return network;
    }

    /** The reference line's countries' zones, as its data gives them. */
    static final ZoneId CHINA = network().country("CN").orElseThrow().timeZone();

    static final ZoneId LAOS = network().country("LA").orElseThrow().timeZone();

    /** The operators read from the real data files. */
    static synchronized Operators operators() {
        if (operators == null) {
            try {
                operators = Operators.parse(
                        Operators.FILE,
                        Files.readString(Path.of("..", "data", "china-laos", Operators.FILE)),
                        network());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return operators;
    }

    static FeedInfo feedInfo() {
        return new FeedInfo(
                "Lancang", "https://lancang.example.org/", "en", "2027-test", "gtfs@lancang.example.org", "");
    }

    static Timetable timetable() {
        ServiceCalendar daily = ServiceCalendar.daily(START, END);
        ServiceCalendar weekends =
                new ServiceCalendar(START, END, EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        return new Timetable(List.of(d887(daily), d888(daily), c82(daily), d8461(weekends), freight(daily)));
    }

    /** Kunming South 08:08 Beijing time → Vientiane 18:27 Beijing time (17:27 Lao); 60 min at each border station. */
    static Train d887(ServiceCalendar calendar) {
        return train(
                "D887",
                Operator.valueOf("CR_KUNMING"),
                "CR200J",
                true,
                calendar,
                CHINA,
                "KMS - 08:08",
                "YXI 08:45 08:48",
                "YHE ~08:51",
                "ESH ~09:00",
                "HNI ~09:10",
                "YJG ~09:34",
                "MJG ~09:50",
                "NER ~10:24",
                "PUE 10:38 10:42",
                "YXG ~11:13",
                "XSB 11:20 11:28",
                "GLB ~11:42",
                "MLA ~12:16",
                "MHN 12:30 13:30",
                "BDR ~13:36",
                "BTN 13:39 14:39",
                "NTY ~14:48",
                "NMO ~14:58",
                "NTH ~15:04",
                "MXY 15:21 15:24",
                "NKK ~15:36",
                "MNG ~15:48",
                "HHN ~16:02",
                "LPB 16:17 16:22",
                "XNG ~16:28",
                "SPK ~16:46",
                "KSI ~17:02",
                "BPD ~17:16",
                "VVG 17:25 17:28",
                "VKH ~17:37",
                "BSK ~17:46",
                "PHH ~17:56",
                "VTN ~18:18",
                "VTE 18:27 -");
    }

    /** Vientiane 08:08 Lao time → Kunming South 18:27 Lao time (19:27 Beijing). */
    static Train d888(ServiceCalendar calendar) {
        return train(
                "D888",
                Operator.valueOf("CR_KUNMING"),
                "CR200J",
                true,
                calendar,
                LAOS,
                "VTE - 08:08",
                "VTN ~08:17",
                "PHH ~08:39",
                "BSK ~08:49",
                "VKH ~08:58",
                "VVG 09:07 09:10",
                "BPD ~09:19",
                "KSI ~09:33",
                "SPK ~09:49",
                "XNG ~10:07",
                "LPB 10:13 10:18",
                "HHN ~10:33",
                "MNG ~10:47",
                "NKK ~10:59",
                "MXY 11:11 11:14",
                "NTH ~11:31",
                "NMO ~11:37",
                "NTY ~11:47",
                "BTN 11:56 12:56",
                "BDR ~12:59",
                "MHN 13:05 14:05",
                "MLA ~14:19",
                "GLB ~14:53",
                "XSB 15:07 15:15",
                "YXG ~15:22",
                "PUE 15:53 15:57",
                "NER ~16:11",
                "MJG ~16:45",
                "YJG ~17:01",
                "HNI ~17:25",
                "ESH ~17:35",
                "YHE ~17:44",
                "YXI 17:47 17:50",
                "KMS 18:27 -");
    }

    /** Lao domestic: Vientiane 08:00 Lao time → Boten. */
    static Train c82(ServiceCalendar calendar) {
        return train(
                "C82",
                Operator.valueOf("LCR"),
                "CR200J",
                true,
                calendar,
                LAOS,
                "VTE - 08:00",
                "VTN ~08:09",
                "PHH 08:31 08:33",
                "BSK ~08:43",
                "VKH ~08:52",
                "VVG 09:01 09:04",
                "BPD ~09:13",
                "KSI ~09:27",
                "SPK ~09:43",
                "XNG ~10:01",
                "LPB 10:07 10:12",
                "HHN ~10:27",
                "MNG ~10:41",
                "NKK ~10:53",
                "MXY 11:05 11:08",
                "NTH ~11:25",
                "NMO ~11:31",
                "NTY 11:41 11:43",
                "BTN 11:52 -");
    }

    /** Chinese domestic, Fridays to Sundays: Kunming South 07:00 → Xishuangbanna. */
    static Train d8461(ServiceCalendar calendar) {
        return train(
                "D8461",
                Operator.valueOf("CR_KUNMING"),
                "CR200J",
                true,
                calendar,
                CHINA,
                "KMS - 07:00",
                "YXI 07:37 07:39",
                "YHE ~07:42",
                "ESH 07:51 07:53",
                "HNI ~08:03",
                "YJG ~08:27",
                "MJG 08:43 08:45",
                "NER ~09:19",
                "PUE 09:33 09:37",
                "YXG 10:08 10:10",
                "XSB 10:17 -");
    }

    /** Freight from the Yanhe hub to Vientiane South, overnight, with a customs stop at Mohan: never in GTFS. */
    static Train freight(ServiceCalendar calendar) {
        return train(
                "80501",
                Operator.valueOf("CR_KUNMING"),
                "FREIGHT",
                false,
                calendar,
                CHINA,
                "YHE - 20:00",
                "ESH ~20:14",
                "PUE ~23:10",
                "XSB ~24:35",
                "MHN 26:10 28:40",
                "BDR ~28:50",
                "BTN 28:55 30:25",
                "LPB ~33:40",
                "VVG ~35:55",
                "VTE ~38:05",
                "VTS 38:20 -");
    }

    /** Builds a train from the call notation described on the class. */
    static Train train(
            String number,
            Operator operator,
            String type,
            boolean passenger,
            ServiceCalendar calendar,
            ZoneId zone,
            String... calls) {
        List<Call> list = new ArrayList<>();
        for (String spec : calls) {
            String[] parts = spec.split(" ");
            if (parts.length == 2 && parts[1].startsWith("~")) {
                Duration t = time(parts[1].substring(1));
                list.add(new Call(parts[0], t, t, false));
            } else if (parts.length == 3 && parts[1].equals("-")) {
                list.add(new Call(parts[0], time(parts[2]), time(parts[2]), true));
            } else if (parts.length == 3 && parts[2].equals("-")) {
                list.add(new Call(parts[0], time(parts[1]), time(parts[1]), true));
            } else if (parts.length == 3) {
                list.add(new Call(parts[0], time(parts[1]), time(parts[2]), true));
            } else {
                throw new IllegalArgumentException("bad call spec '" + spec + "'");
            }
        }
        return new Train(number, operator, type, passenger, calendar, zone, list);
    }

    /** "HH:MM", hours may pass 24. */
    static Duration time(String hhmm) {
        String[] p = hhmm.split(":");
        return Duration.ofHours(Integer.parseInt(p[0])).plusMinutes(Integer.parseInt(p[1]));
    }
}
