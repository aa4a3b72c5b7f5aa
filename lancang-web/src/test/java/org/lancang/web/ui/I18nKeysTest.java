package org.lancang.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web UI's strings: {@code public/i18n/en.js}, {@code zh.js} and {@code lo.js} have exactly the same keys (no
 * string missing in Lao or Chinese, none left over), and every key a page names in {@code data-i18n} exists. Thai
 * ({@code th.js}) is on the passenger pages only: it has every key those pages (their scripts and the modules these
 * import) can show, each in Thai script with the placeholders of the English string, and no key English lacks.
 */
class I18nKeysTest {
    private static final List<String> LANGUAGES = List.of("en", "zh", "lo");
    /** One string per line: {@code 'nav.map': 'Line map',} (the files are written that way). */
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*'([^']+)'\\s*:", Pattern.MULTILINE);

    private static final Pattern DATA_I18N = Pattern.compile("data-i18n=\"([^\"]+)\"");
    private static final Pattern DATA_I18N_ATTR = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");
    /** A page that offers Thai: {@code <html lang="en" data-more-langs="th">}. */
    private static final Pattern OFFERS_THAI = Pattern.compile("<html[^>]*data-more-langs=\"[^\"]*\\bth\\b");

    private static final Pattern PAGE_SCRIPT = Pattern.compile("<script type=\"module\" src=\"/([^\"]+)\"");
    private static final Pattern LIB_IMPORT = Pattern.compile("from '/lib/([^']+)'");
    /** A key written out in a script or page: {@code t('tk.search')}, {@code 'data-i18n': 'tk.cny'}. */
    private static final Pattern QUOTED_KEY = Pattern.compile("['\"]([A-Za-z][\\w-]*\\.[\\w.-]+)['\"]");
    /** A key built in a script: {@code t(`tk.class.${c}`)} can be any key starting {@code tk.class.}. */
    private static final Pattern KEY_PREFIX = Pattern.compile("`([A-Za-z][\\w-]*\\.[\\w.-]*)\\$\\{");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern THAI_LETTER = Pattern.compile("[\\u0E01-\\u0E5B]");
    /** One string per line, with its value: {@code 'nav.map': 'Line map',} or in double quotes. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "^\\s*'([^']+)'\\s*:\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\")", Pattern.MULTILINE);

    @Test
    void everyLanguageHasTheSameKeys() {
        Set<String> english = keys("en");
        assertThat(english).as("English strings").hasSizeGreaterThan(300);
        for (String language : LANGUAGES) {
            Set<String> these = keys(language);
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(these);
            Set<String> extra = new TreeSet<>(these);
            extra.removeAll(english);
            assertThat(missing)
                    .as("keys in en.js but missing in %s.js", language)
                    .isEmpty();
            assertThat(extra).as("keys in %s.js but not in en.js", language).isEmpty();
        }
    }

    @Test
    void noKeyIsDefinedTwiceInOneLanguage() {
        for (String language : LANGUAGES) {
            List<String> all = allKeys(read("public/i18n/" + language + ".js"));
            assertThat(new LinkedHashSet<>(all)).as("%s.js", language).hasSameSizeAs(all);
        }
    }

    @Test
    void everyKeyAPageNamesExists() throws IOException {
        Set<String> english = keys("en");
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(resourceFolder("public/pages"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                unknown.addAll(namedKeys(Files.readString(page, StandardCharsets.UTF_8)));
            }
        }
        assertThat(unknown).as("keys named by the pages").isNotEmpty();
        unknown.removeAll(english);
        assertThat(unknown).as("keys the pages name that en.js lacks").isEmpty();
    }

    @Test
    void thaiHasEveryKeyThePassengerPagesShowAndNoOther() throws IOException {
        Set<String> english = keys("en");
        Set<String> thai = keys("th");
        Set<String> shown = keysShownByThaiPages(english);
        assertThat(shown).as("keys the Thai pages show").hasSizeGreaterThan(200).contains("tk.search", "board.title");
        Set<String> missing = new TreeSet<>(shown);
        missing.removeAll(thai);
        assertThat(missing)
                .as("keys the pages offering Thai show but th.js lacks")
                .isEmpty();
        Set<String> extra = new TreeSet<>(thai);
        extra.removeAll(english);
        assertThat(extra).as("keys in th.js but not in en.js").isEmpty();
        List<String> all = allKeys(read("public/i18n/th.js"));
        assertThat(new LinkedHashSet<>(all)).as("th.js").hasSameSizeAs(all);
    }

    @Test
    void thaiStringsAreInThaiWithTheEnglishPlaceholders() {
        Map<String, String> english = values("en");
        Map<String, String> thai = values("th");
        assertThat(thai).as("Thai strings read").hasSizeGreaterThan(200);
        for (Map.Entry<String, String> e : thai.entrySet()) {
            String en = english.get(e.getKey());
            assertThat(en).as("English of %s", e.getKey()).isNotNull();
            assertThat(placeholders(e.getValue()))
                    .as("placeholders of %s", e.getKey())
                    .isEqualTo(placeholders(en));
            assertThat(THAI_LETTER.matcher(e.getValue()).find())
                    .as("%s is written in Thai: %s", e.getKey(), e.getValue())
                    .isTrue();
        }
    }

    /** The pages whose html offers Thai, their scripts and the lib modules these import (transitively). */
    /** The keys a page names in its data-i18n and data-i18n-attr attributes. */
    private static Set<String> namedKeys(String html) {
        Set<String> named = new TreeSet<>();
        Matcher m = DATA_I18N.matcher(html);
        while (m.find()) {
            named.add(m.group(1));
        }
        Matcher a = DATA_I18N_ATTR.matcher(html);
        while (a.find()) {
            for (String pair : a.group(1).split(";")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    named.add(pair.substring(colon + 1).strip());
                }
            }
        }
        return named;
    }

    private static Set<String> keysShownByThaiPages(Set<String> english) throws IOException {
        Path publicFolder = resourceFolder("public");
        Set<String> shown = new TreeSet<>();
        List<String> sources = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(publicFolder.resolve("pages"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page, StandardCharsets.UTF_8);
                if (!OFFERS_THAI.matcher(html).find()) {
                    continue;
                }
                sources.add(html);
                shown.addAll(namedKeys(html));
                Deque<Path> todo = new ArrayDeque<>();
                Matcher script = PAGE_SCRIPT.matcher(html);
                while (script.find()) {
                    todo.add(publicFolder.resolve("pages").resolve(script.group(1)));
                }
                Set<Path> seen = new HashSet<>();
                while (!todo.isEmpty()) {
                    Path js = todo.pop();
                    if (!seen.add(js)) {
                        continue;
                    }
                    String source = Files.readString(js, StandardCharsets.UTF_8);
                    sources.add(source);
                    Matcher imported = LIB_IMPORT.matcher(source);
                    while (imported.find()) {
                        todo.add(publicFolder.resolve("lib").resolve(imported.group(1)));
                    }
                }
            }
        }
        assertThat(sources).as("pages offering Thai and their scripts").hasSizeGreaterThan(6);
        for (String source : sources) {
            Matcher quoted = QUOTED_KEY.matcher(source);
            while (quoted.find()) {
                if (english.contains(quoted.group(1))) {
                    shown.add(quoted.group(1));
                }
            }
            Matcher prefix = KEY_PREFIX.matcher(source);
            while (prefix.find()) {
                String start = prefix.group(1);
                english.stream().filter(k -> k.startsWith(start)).forEach(shown::add);
            }
        }
        return shown;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The texts every network shows (the header, the pages' descriptions, the map's fallback heading and zone note, the
     * passport rule and the border note) name no country: on the Thai–Lao network they once said "China–Laos". The countries are every shipped network's, as
     * their {@code countries.csv} names them.
     */
    @Test
    void textsShownOnEveryNetworkNameNoCountry() {
        Set<String> countries = new TreeSet<>();
        for (String network : List.of("china-laos", "vientiane-bangkok")) {
            read("data/" + network + "/countries.csv").lines().skip(1).forEach(row -> {
                String[] cells = row.split(",", 5);
                countries.addAll(List.of(cells[1], cells[2], cells[3]));
            });
        }
        assertThat(countries).contains("Thailand", "China", "Laos");
        List<String> everywhere = List.of(
                "app.tagline",
                "meta.index",
                "map.heading",
                "map.tz",
                "err.document-not-accepted",
                "tk.borderNote",
                "tk.borderNoteDocuments",
                "meta.book",
                "meta.trips",
                "meta.register",
                "meta.freight",
                "meta.tracking");
        for (String language : List.of("en", "zh", "lo", "th")) {
            Map<String, String> texts = values(language);
            for (String key : everywhere) {
                String text = texts.getOrDefault(key, "");
                assertThat(countries).as(language + " " + key + ": " + text).noneMatch(text::contains);
            }
        }
    }

    private static Map<String, String> values(String language) {
        Map<String, String> values = new HashMap<>();
        Matcher m = KEY_VALUE.matcher(read("public/i18n/" + language + ".js"));
        while (m.find()) {
            values.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return values;
    }

    private static Set<String> keys(String language) {
        return new TreeSet<>(allKeys(read("public/i18n/" + language + ".js")));
    }

    private static List<String> allKeys(String source) {
        Matcher m = KEY_LINE.matcher(source);
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static String read(String resource) {
        try (InputStream in = I18nKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceFolder(String resource) {
        try {
            return Path.of(
                    I18nKeysTest.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
