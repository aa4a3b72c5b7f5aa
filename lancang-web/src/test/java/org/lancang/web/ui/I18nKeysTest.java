package org.lancang.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web UI's strings: {@code public/i18n/en.js}, {@code zh.js} and {@code lo.js} have exactly the same keys (no
 * string missing in Lao or Chinese, none left over), and every key a page names in {@code data-i18n} exists.
 */
class I18nKeysTest {
    private static final List<String> LANGUAGES = List.of("en", "zh", "lo");
    /** One string per line: {@code 'nav.map': 'Line map',} (the files are written that way). */
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*'([^']+)'\\s*:", Pattern.MULTILINE);

    private static final Pattern DATA_I18N = Pattern.compile("data-i18n=\"([^\"]+)\"");
    private static final Pattern DATA_I18N_ATTR = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");

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
                String html = Files.readString(page, StandardCharsets.UTF_8);
                Matcher m = DATA_I18N.matcher(html);
                while (m.find()) {
                    unknown.add(m.group(1));
                }
                Matcher a = DATA_I18N_ATTR.matcher(html);
                while (a.find()) {
                    for (String pair : a.group(1).split(";")) {
                        int colon = pair.indexOf(':');
                        if (colon > 0) {
                            unknown.add(pair.substring(colon + 1).strip());
                        }
                    }
                }
            }
        }
        assertThat(unknown).as("keys named by the pages").isNotEmpty();
        unknown.removeAll(english);
        assertThat(unknown).as("keys the pages name that en.js lacks").isEmpty();
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
