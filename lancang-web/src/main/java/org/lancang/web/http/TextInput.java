package org.lancang.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lancang.errors.InvalidInput;

/**
 * Text a client sends must be text: no control characters (NUL and the other C0 and C1 codes; in a JSON string, tab,
 * line feed and carriage return are allowed) and no half of a surrogate pair. PostgreSQL refuses NUL outright, and the
 * others have no business in a name, a document number or a description. Checked here, for every endpoint, before it
 * runs: path and query parameters, and every string of a JSON body, each refused as 400 naming the field.
 */
public final class TextInput {
    private TextInput() {}

    /** Refuses the request if any of its parameters or JSON strings holds a character that is not text. */
    public static void check(Context ctx) {
        for (Map.Entry<String, String> p : ctx.pathParamMap().entrySet()) {
            refuse(p.getKey(), p.getValue(), false);
        }
        for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
            refuse(q.getKey(), q.getKey(), false);
            for (String value : q.getValue()) {
                refuse(q.getKey(), value, false);
            }
        }
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            byte[] body = ctx.bodyAsBytes();
            if (mayHoldControls(body)) {
                JsonNode tree;
                try {
                    tree = Json.MAPPER.readTree(body);
                } catch (IOException malformed) {
                    return; // the endpoint reads the body and says what is wrong with it
                }
                walk(tree, "");
            }
        }
    }

    /** A quick look at the raw bytes: only a body with an escape or a C1 code can hold a control in a string. */
    private static boolean mayHoldControls(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == '\\' || (b == (byte) 0xC2 && i + 1 < body.length && (body[i + 1] & 0xE0) == 0x80)) {
                return true;
            }
        }
        return false;
    }

    private static void walk(JsonNode node, String path) {
        if (node.isTextual()) {
            refuse(path.isEmpty() ? "body" : path, node.textValue(), true);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                refuse(name, field.getKey(), false);
                walk(field.getValue(), name);
            }
        }
    }

    private static void refuse(String field, String value, boolean lineBreaksAllowed) {
        int bad = firstNonText(value, lineBreaksAllowed);
        if (bad >= 0) {
            char c = value.charAt(bad);
            throw new InvalidInput(
                    printable(field),
                    Character.isSurrogate(c)
                            ? "holds half of a surrogate pair at position " + bad + ": not text"
                            : String.format(
                                    "holds the control character U+%04X at position %d, which is not allowed in text",
                                    (int) c, bad));
        }
    }

    /** The index of the first character that is not text, or -1. */
    static int firstNonText(String value, boolean lineBreaksAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                if (!(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                    return i;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A field name as it may be shown back: a name that is itself not text is shown with its controls escaped. */
    private static String printable(String field) {
        StringBuilder sb = new StringBuilder();
        for (char c : field.toCharArray()) {
            sb.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : c);
        }
        return sb.toString();
    }
}
