package org.lancang.timetable.diagram;

import java.util.Locale;

/** A small SVG writer: numbers with one decimal, text escaped for XML. */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg raw(String s) {
        out.append(s);
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cls) {
        out.append("<line class=\"").append(cls).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\"/>\n");
        return this;
    }

    Svg text(double x, double y, String cls, String anchor, String text) {
        out.append("<text class=\"").append(cls).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text)).append("</text>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String cls, String title) {
        out.append("<rect class=\"").append(cls).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(Math.max(w, 0.5))).append("\" height=\"").append(n(Math.max(h, 0.5)))
                .append("\">");
        if (title != null) {
            out.append("<title>").append(escape(title)).append("</title>");
        }
        out.append("</rect>\n");
        return this;
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
