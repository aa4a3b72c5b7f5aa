package org.lancang.web.http;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lancang.money.Currency;

/**
 * JSON Schemas for the OpenAPI document, derived from the records the API really sends and receives, so the document
 * cannot drift from the code.
 */
final class JsonSchemas {
    private final Map<String, Object> components = new LinkedHashMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();

    Map<String, Object> components() {
        return components;
    }

    Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(p.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(p.getActualTypeArguments()[1]));
            }
            return schema(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return Map.of("type", "integer");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return Map.of("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == LocalTime.class) {
            return Map.of("type", "string", "format", "time");
        }
        if (c == Currency.class) { // written as its code (Json); the codes are data, so no enum is listed
            return Map.of("type", "string", "pattern", "^[A-Z]{3}$");
        }
        if (c.isEnum()) {
            return Map.of(
                    "type",
                    "string",
                    "enum",
                    Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", schema(c.getComponentType()));
        }
        if (c.isRecord()) {
            String name = names.get(c);
            if (name == null) {
                name = nameOf(c);
                names.put(c, name);
                components.put(name, Map.of()); // placeholder against recursion
                Map<String, Object> properties = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    properties.put(rc.getName(), schema(rc.getGenericType()));
                }
                components.put(name, Map.of("type", "object", "properties", properties));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }

    /**
     * A record's component name: its simple name, or, when another record already has it (sales' and the timetable's
     * {@code ChangeInput}), qualified by the class that holds it, so that no operation points at another's schema.
     */
    private String nameOf(Class<?> c) {
        String simple = c.getSimpleName();
        if (!names.containsValue(simple)) {
            return simple;
        }
        return c.getEnclosingClass() == null
                ? c.getName()
                : c.getEnclosingClass().getSimpleName() + "." + simple;
    }
}
