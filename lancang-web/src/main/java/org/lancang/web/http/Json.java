package org.lancang.web.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.lancang.errors.FieldError;
import org.lancang.money.Currency;
import org.lancang.network.Country;
import org.lancang.timetable.Operator;

/**
 * JSON in and out. Requests are read strictly: unknown fields, wrong types and coerced scalars are refused with the
 * path of the field that was wrong, before any handler sees the request.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule().addDeserializer(LocalDate.class, new StrictDate()))
            .addModule(codes())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .withCoercionConfig(
                    LogicalType.Textual,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** What a text field says when given a number, a boolean, an object or an array. */
    private static final String STRING_WANTED = "must be a string";

    private Json() {}

    /**
     * Countries, operators and currencies are values read from data; in JSON they stay the codes they were as enums
     * ("CN", "CN_LA", "LCR", "CNY"), so that answers and pages read them as before.
     */
    private static SimpleModule codes() {
        SimpleModule module = new SimpleModule("lancang-codes");
        module.addSerializer(Country.class, new StdSerializer<>(Country.class) {
            @Override
            public void serialize(Country value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.name());
            }
        });
        module.addSerializer(Operator.class, new StdSerializer<>(Operator.class) {
            @Override
            public void serialize(Operator value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.name());
            }
        });
        module.addSerializer(Currency.class, new StdSerializer<>(Currency.class) {
            @Override
            public void serialize(Currency value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.code());
            }
        });
        return module;
    }

    /** Reads the request body as {@code type}; a 4xx {@link HttpProblem} naming the field if it cannot. */
    public static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(
                    415,
                    "the body must be JSON (Content-Type: application/json)",
                    List.of(new FieldError("Content-Type", "must be application/json")));
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw HttpProblem.badField("body", "a JSON object is required");
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw HttpProblem.badField("body", "a JSON object is required, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw HttpProblem.badField(path(e), "unknown field; expected one of " + e.getKnownPropertyIds());
        } catch (InvalidFormatException e) {
            if (e.getTargetType() == LocalDate.class) {
                throw HttpProblem.badField(path(e), StrictDate.MESSAGE);
            }
            if (e.getTargetType() == String.class) {
                // a number or boolean where text is wanted: its value written as the string the field takes
                throw HttpProblem.badField(path(e), STRING_WANTED + ", e.g. \"" + e.getValue() + "\"");
            }
            throw HttpProblem.badField(
                    path(e), "'" + e.getValue() + "' is not a valid " + simpleName(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (e.getTargetType() == LocalDate.class) {
                throw HttpProblem.badField(field, StrictDate.MESSAGE);
            }
            if (e.getTargetType() == String.class) {
                throw HttpProblem.badField(field.isEmpty() ? "body" : field, STRING_WANTED);
            }
            throw HttpProblem.badField(
                    field.isEmpty() ? "body" : field, "wrong type: expected " + simpleName(e.getTargetType()));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw HttpProblem.badField(field.isEmpty() ? "body" : field, "cannot be read: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            // Jackson's stream limits (a 100 kB field name, nesting too deep) are refused with no location
            throw HttpProblem.badField("body", malformed(e));
        } catch (IOException e) {
            throw HttpProblem.badField("body", "cannot be read");
        }
    }

    private static String malformed(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "malformed JSON: " + e.getOriginalMessage();
        }
        return "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "whole number";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }

    /** The JSON path of the field, like {@code roles[1]} or {@code passenger.name}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
