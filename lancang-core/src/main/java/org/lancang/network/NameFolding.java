package org.lancang.network;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lancang.data.CsvTable;

/**
 * Folds a name, or what someone typed to find it, so that spellings a reader takes for the same name compare equal:
 *
 * <ul>
 *   <li>Lao: ຫຼ (ຫ + the subscript lo U+0EBC) and the older ຫລ (ຫ + ລ); ໜ (U+0EDC) and ຫນ; ໝ (U+0EDD) and ຫມ;
 *   <li>Chinese: traditional and simplified characters, by the variants table of the data set ({@link #FILE});
 *   <li>Latin: case, diacritics (so pinyin with tone marks, "Pǔ'ěr", matches "Puer"), spaces, hyphens, apostrophes,
 *       parentheses and full-width forms.
 * </ul>
 *
 * Lao vowel signs and tone marks are kept: they tell different words apart.
 */
public final class NameFolding {
    /** The traditional → simplified variants of the data set: traditional, simplified, source. */
    public static final String FILE = "han-variants.csv";

    private static final int LAO_SUBSCRIPT_LO = 0x0EBC;
    private static final int LAO_LO = 0x0EA5;

    private final Map<Integer, Integer> simplified;

    /** A folding with these traditional → simplified character variants (code points). */
    public NameFolding(Map<Integer, Integer> traditionalToSimplified) {
        this.simplified = Map.copyOf(traditionalToSimplified);
    }

    /** Reads the variants file: one character per field, each row with its source. */
    public static NameFolding parse(String text) {
        CsvTable table = CsvTable.parse(FILE, text, List.of("traditional", "simplified", "source"));
        Map<Integer, Integer> variants = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String t = row.required("traditional");
            String s = row.required("simplified");
            if (t.codePointCount(0, t.length()) != 1) {
                throw row.error("traditional", "one character, not '" + t + "'");
            }
            if (s.codePointCount(0, s.length()) != 1) {
                throw row.error("simplified", "one character, not '" + s + "'");
            }
            row.required("source");
            Integer before = variants.put(t.codePointAt(0), s.codePointAt(0));
            if (before != null && before != s.codePointAt(0)) {
                throw row.error("traditional", "'" + t + "' is listed twice with different simplified forms");
            }
        }
        return new NameFolding(variants);
    }

    /** The folded form: equal for spellings a reader takes for the same name. */
    public String fold(String text) {
        if (text == null) {
            return "";
        }
        // NFKC: ໜ → ຫນ, ໝ → ຫມ, full-width letters and brackets → plain ones
        String compat = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder mapped = new StringBuilder(compat.length());
        compat.codePoints().forEach(c -> {
            if (c == LAO_SUBSCRIPT_LO) {
                mapped.appendCodePoint(LAO_LO);
            } else {
                mapped.appendCodePoint(simplified.getOrDefault(c, c));
            }
        });
        String decomposed = Normalizer.normalize(mapped, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            boolean latinMark = c >= 0x0300 && c <= 0x036F;
            if (!latinMark && !ignored(c)) {
                out.appendCodePoint(c);
            }
        });
        return Normalizer.normalize(out, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static boolean ignored(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '\''
                || c == '’'
                || c == 'ʼ'
                || c == '-'
                || c == '‐'
                || c == '–'
                || c == '—'
                || c == '·'
                || c == '.'
                || c == ','
                || c == '('
                || c == ')'
                || c == '（'
                || c == '）';
    }

    /**
     * How well {@code query} finds a point named {@code names} with {@code code}: 0 when a name (or the code) starts
     * with it, 1 when one contains it, empty when none does. Every language the point is named in counts, those its
     * network adds too (Thai on the Bangkok line). A blank query matches nothing.
     */
    public Optional<Integer> rank(String query, Names names, String code) {
        String q = fold(query);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        List<String> every = new ArrayList<>(List.of(code, names.en(), names.zh(), names.lo(), names.pinyin()));
        every.addAll(names.more().values());
        int best = Integer.MAX_VALUE;
        for (String name : every) {
            String f = fold(name);
            if (f.isEmpty()) {
                continue;
            }
            if (f.startsWith(q)) {
                best = 0;
            } else if (f.contains(q)) {
                best = Math.min(best, 1);
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(best);
    }
}
