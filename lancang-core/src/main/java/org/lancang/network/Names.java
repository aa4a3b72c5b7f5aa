package org.lancang.network;

import java.util.Objects;

/**
 * A name in the line's three languages: English, Chinese and Lao, with the pinyin of the Chinese name (without tones,
 * for searching). A blank name is unknown; a transliterated one says so in its data file.
 */
public record Names(String en, String zh, String lo, String pinyin) {
    public Names {
        Objects.requireNonNull(en, "en");
        zh = zh == null ? "" : zh;
        lo = lo == null ? "" : lo;
        pinyin = pinyin == null ? "" : pinyin;
    }

    /** A name without a pinyin form. */
    public Names(String en, String zh, String lo) {
        this(en, zh, lo, "");
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
