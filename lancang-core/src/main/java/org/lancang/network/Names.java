package org.lancang.network;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A name in the line's three languages, English, Chinese and Lao, with the pinyin of the Chinese name (without tones,
 * for searching), and in any <em>more</em> languages a network's data gives (language code → name, such as {@code th}
 * for the Thai names of the Bangkok line). A blank name is unknown; a transliterated one says so in its data file.
 */
public record Names(String en, String zh, String lo, String pinyin, Map<String, String> more) {
    public Names {
        Objects.requireNonNull(en, "en");
        zh = zh == null ? "" : zh;
        lo = lo == null ? "" : lo;
        pinyin = pinyin == null ? "" : pinyin;
        TreeMap<String, String> known = new TreeMap<>();
        if (more != null) {
            more.forEach((language, name) -> {
                if (name != null && !name.isBlank()) {
                    known.put(language, name.strip());
                }
            });
        }
        more = Collections.unmodifiableMap(known);
    }

    /** A name in the three languages with the pinyin form. */
    public Names(String en, String zh, String lo, String pinyin) {
        this(en, zh, lo, pinyin, Map.of());
    }

    /** A name without a pinyin form. */
    public Names(String en, String zh, String lo) {
        this(en, zh, lo, "", Map.of());
    }

    /** The name in {@code language} (en, zh, lo or one of {@link #more}), falling back to English where unknown. */
    public String in(String language) {
        String name = switch (language) {
            case "zh" -> zh;
            case "lo" -> lo;
            case "en" -> en;
            default -> more.getOrDefault(language, en);
        };
        return name.isBlank() ? en : name;
    }
}
