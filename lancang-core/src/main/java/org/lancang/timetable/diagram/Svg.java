package org.lancang.timetable.diagram;

import java.util.Locale;

/**
 * A small SVG writer: coordinates with one decimal (so the output is the same on every machine), every text and
 * attribute value escaped for XML.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    Svg raw(String s) {
        out.append(s);
        return this;
    }

    /** An opening tag with attributes given as name, value, name, value… (null values are left out). */
    Svg open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Svg close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** An empty element. */
    Svg empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>\n");
        return this;
    }

    /** An element with text content. */
    Svg element(String tag, String text, String... attributes) {
        open(tag, attributes);
        out.append(escape(text));
        return close(tag);
    }

    Svg title(String text) {
        return element("title", text);
    }

    Svg line(double x1, double y1, double x2, double y2, String cls) {
        return empty("line", "class", cls, "x1", n(x1), "y1", n(y1), "x2", n(x2), "y2", n(y2));
    }

    Svg text(double x, double y, String cls, String anchor, String text) {
        return element("text", text, "class", cls, "x", n(x), "y", n(y), "text-anchor", anchor);
    }

    Svg rect(double x, double y, double w, double h, String cls) {
        return empty(
                "rect",
                "class",
                cls,
                "x",
                n(x),
                "y",
                n(y),
                "width",
                n(Math.max(w, 0.5)),
                "height",
                n(Math.max(h, 0.5)));
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ')
                        .append(attributes[i])
                        .append("=\"")
                        .append(escape(attributes[i + 1]))
                        .append('"');
            }
        }
    }

    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.equals("-0.0") ? "0.0" : s;
    }

    /** The text with XML's five special characters as entities, line breaks kept as character references. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                case '\t' -> b.append("&#9;");
                case '\r' -> {} // dropped
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        b.append(c); // control characters are not allowed in XML 1.0: left out
                    }
                }
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
