package org.lancang.web.http;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lancang.errors.InvalidInput;

/**
 * The parameters of one request (query and path), read by type: every route reads them here, so a malformed value is
 * refused the same way everywhere, with a 400 problem naming the parameter (for example {@code date: 'tomorrow' is not a
 * date (YYYY-MM-DD)}). A blank value counts as absent.
 */
public final class Params {
    private static final String DATE = "YYYY-MM-DD";
    private static final String DATE_TIME_EXAMPLE = "2026-12-01T08:00+07:00";

    private final Context ctx;

    private Params(Context ctx) {
        this.ctx = ctx;
    }

    public static Params of(Context ctx) {
        return new Params(ctx);
    }

    /** The query parameter, stripped, if it is there and not blank. */
    public Optional<String> text(String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /**
     * The {@code network} query parameter: the code of the network the request names, or {@code null} when it names
     * none (the home network). Routes hand it to their per-network services, which all pick by
     * {@code NetworkChoice}: an unknown code is a 400 naming {@code network}.
     */
    public String network() {
        return text("network").orElse(null);
    }

    /** A query parameter that must be there. */
    public String required(String name) {
        return text(name).orElseThrow(() -> new InvalidInput(name, "is required"));
    }

    /** A code (a point, a train type) that must be there, in capitals. */
    public String code(String name) {
        return required(name).toUpperCase(Locale.ROOT);
    }

    /** A date (YYYY-MM-DD) that must be there. */
    public LocalDate date(String name) {
        return optionalDate(name).orElseThrow(() -> new InvalidInput(name, "is required (" + DATE + ")"));
    }

    /** A date (YYYY-MM-DD), or {@code otherwise} when absent. */
    public LocalDate date(String name, LocalDate otherwise) {
        return optionalDate(name).orElse(otherwise);
    }

    public Optional<LocalDate> optionalDate(String name) {
        return text(name).map(t -> parse(name, t, LocalDate::parse, "a date (" + DATE + ")"));
    }

    /** A date (YYYY-MM-DD) given in a request body's {@code field}, which must be there. */
    public static LocalDate dateField(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "is required (" + DATE + ")");
        }
        return parse(field, text.strip(), LocalDate::parse, "a date (" + DATE + ")");
    }

    /**
     * Point codes given in a request body's {@code field} (a train's {@code via}), stripped and in capitals as the
     * network writes codes; none when the field is absent. A blank code is refused naming the field.
     */
    public static List<String> codesField(String field, List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        for (String c : codes) {
            if (c == null || c.isBlank()) {
                throw new InvalidInput(field, "has a blank point code: give junction codes, e.g. [\"QY\"]");
            }
        }
        return codes.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).toList();
    }

    /** A month (YYYY-MM) that must be there. */
    public YearMonth month(String name) {
        String t = text(name).orElse("");
        return parse(name, t, YearMonth::parse, "a month (YYYY-MM)");
    }

    /** A local time (HH:MM), or {@code otherwise} when absent. */
    public LocalTime time(String name, LocalTime otherwise) {
        return text(name)
                .map(t -> parse(name, t, LocalTime::parse, "a time (HH:MM)"))
                .orElse(otherwise);
    }

    /** An instant written as a date-time with its offset, or {@code otherwise} when absent. */
    public Instant instant(String name, Instant otherwise) {
        return text(name)
                .map(t -> parse(name, t, OffsetDateTime::parse, "a date-time with offset, e.g. " + DATE_TIME_EXAMPLE)
                        .toInstant())
                .orElse(otherwise);
    }

    /** A time zone such as Asia/Vientiane, or {@code otherwise} when absent. */
    public ZoneId zone(String name, ZoneId otherwise) {
        return text(name).map(t -> parse(name, t, ZoneId::of, "a time zone")).orElse(otherwise);
    }

    /** A number, if present. */
    public Optional<Double> number(String name) {
        return text(name).map(t -> {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw notA(name, t, "a number");
            }
        });
    }

    /**
     * A position in a feed read in commit order ({@code after} = the last {@code seq} seen), 0 when absent; refused
     * naming the parameter when it is no whole number or is negative.
     */
    public long seq(String name) {
        return text(name)
                .map(t -> {
                    try {
                        return Long.parseLong(t);
                    } catch (NumberFormatException e) {
                        throw new InvalidInput(name, "must be a whole number (a seq)");
                    }
                })
                .map(n -> {
                    if (n < 0) {
                        throw new InvalidInput(name, "must be 0 or more");
                    }
                    return n;
                })
                .orElse(0L);
    }

    /** A whole number, or {@code otherwise} when absent. */
    public int wholeNumber(String name, int otherwise) {
        return text(name).map(t -> wholeNumber(name, t)).orElse(otherwise);
    }

    /** A whole number in the path, such as the {@code index} of {@code /tickets/{index}}. */
    public int pathWholeNumber(String name) {
        String t = ctx.pathParam(name);
        try {
            return Integer.parseInt(t.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
        }
    }

    /** One of an enum's constants (any case), if present; refused naming the constants otherwise. */
    public <E extends Enum<E>> Optional<E> oneOf(String name, Class<E> type) {
        return text(name).map(t -> {
            try {
                return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(name, "'" + t + "' is not one of " + List.of(type.getEnumConstants()));
            }
        });
    }

    private static int wholeNumber(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw notA(name, text, "a whole number");
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String name, String text, Parser<T> parser, String what) {
        try {
            return parser.parse(text);
        } catch (DateTimeException e) {
            throw notA(name, text, what);
        }
    }

    private static InvalidInput notA(String name, String text, String what) {
        return new InvalidInput(name, "'" + text + "' is not " + what);
    }
}
