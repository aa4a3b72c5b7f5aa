package org.lancang.network;

import java.util.Objects;

/** A name in the line's three languages: English, Chinese and Lao. A blank name is unknown, never invented. */
public record Names(String en, String zh, String lo) {
    public Names {
        Objects.requireNonNull(en, "en");
        zh = zh == null ? "" : zh;
        lo = lo == null ? "" : lo;
    }

    /** The name in {@code language} (en, zh or lo), falling back to English where that name is unknown. */
    public String in(String language) {
        String name = switch (language) {
            case "zh" -> zh;
            case "lo" -> lo;
            default -> en;
        };
        return name.isBlank() ? en : name;
    }
}
