package org.lancang.web.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date in a request body, read as exactly {@code yyyy-MM-dd}. Jackson's own reader takes a date-time such as
 * {@code 2026-12-13T10:00:00Z} as the date and drops the time without a word, and takes arrays and numbers too; a
 * booking must never be made for a day the caller did not write, so anything else is refused naming the field.
 */
final class StrictDate extends StdScalarDeserializer<LocalDate> {
    static final String MESSAGE = "must be a date yyyy-MM-dd";
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    StrictDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) ctx.handleUnexpectedToken(LocalDate.class, p);
        }
        String text = p.getText();
        if (SHAPE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // 2026-99-99: the right shape, no such day; refused below
            }
        }
        throw ctx.weirdStringException(text, LocalDate.class, MESSAGE);
    }
}
