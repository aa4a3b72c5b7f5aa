package org.lancang.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lancang.web.http.ProblemCodes;

/**
 * Every code the server can send in a problem+json answer has a text in English, Chinese and Lao ({@code err.<code>}
 * in each i18n file). The codes are the kinds of error ({@link ProblemCodes#GENERIC}) and every rule's own code: the
 * string literal given as the last argument of an error's constructor or of {@code Validation.add}/{@code check} (on
 * a Validation named {@code v} or {@code people}, as the code names them) and of the freight rules' {@code refused}, in
 * the main sources of every module, found by reading the calls.
 */
class ErrorCodesTest {
    private static final Pattern CALL = Pattern.compile(
            "new (?:InvalidInput|NotFound|Clash|Locked|FieldError)\\s*\\(|\\b(?:v|people)\\.(?:add|check)\\s*\\(|\\brefused\\s*\\(");
    private static final Pattern CODE = Pattern.compile("\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"");
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*'(err\\.[^']+)'\\s*:", Pattern.MULTILINE);

    @Test
    void everyCodeTheServerCanSendIsTranslatedInThreeLanguages() throws IOException {
        TreeMap<String, String> codes = new TreeMap<>();
        ProblemCodes.GENERIC.forEach(c -> codes.put(c, "ProblemCodes.GENERIC"));
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("lancang-"))
                    .toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f :
                            files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        for (String code : ruleCodes(Files.readString(f, StandardCharsets.UTF_8))) {
                            codes.putIfAbsent(code, root.relativize(f).toString());
                        }
                    }
                }
            }
        }
        System.out.println("ErrorCodesTest: " + codes.size() + " codes, " + ProblemCodes.GENERIC.size()
                + " of them kinds of error");
        assertThat(codes).as("codes found").hasSizeGreaterThan(60);
        assertThat(codes).containsKeys("password-too-short", "document-not-accepted", "skylight-required", "no-path");
        for (String language : List.of("en", "zh", "lo")) {
            Set<String> keys = errorKeys(language);
            List<String> missing = new ArrayList<>();
            codes.forEach((code, where) -> {
                if (!keys.contains("err." + code)) {
                    missing.add("err." + code + " (from " + where + ")");
                }
            });
            assertThat(missing).as("codes with no text in %s.js", language).isEmpty();
        }
    }

    @Test
    void theReaderFindsCodesGivenAsTheLastArgumentAcrossLines() {
        String source = """
                v.add(prefix + "name", "must be at most " + MAX + " characters", "name-too-long");
                throw new Clash(
                        "status",
                        "change " + id + " is " + s + "; only (a draft) can be published",
                        "change-not-draft");
                v.check(ok, "car", "is not a car");
                new InvalidInput("to", "a \\"quoted\\" (paren", "same-stations");
                throw new InvalidInput(
                        "stop_id", // the feed's own id
                        "unknown", "stop-unknown");
                """;
        assertThat(ruleCodes(source))
                .containsExactlyInAnyOrder("name-too-long", "change-not-draft", "same-stations", "stop-unknown");
    }

    /** The codes given as the last argument (a string literal) of an error call, when it has three or more. */
    static Set<String> ruleCodes(String source) {
        Set<String> out = new TreeSet<>();
        Matcher m = CALL.matcher(source);
        while (m.find()) {
            List<String> args = arguments(source, m.end());
            if (args.size() >= 3) {
                Matcher code = CODE.matcher(args.get(args.size() - 1).strip());
                if (code.matches()) {
                    out.add(code.group(1));
                }
            }
        }
        return out;
    }

    /** The top-level arguments of the call whose "(" ends at {@code start}, skipping strings and nested brackets. */
    private static List<String> arguments(String s, int start) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                current.append(s, i, Math.min(j + 1, s.length()));
                i = j;
                continue;
            }
            if (c == '/' && i + 1 < s.length() && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*')) {
                // a comment inside the arguments: its apostrophes are not char literals
                boolean toLineEnd = s.charAt(i + 1) == '/';
                int end = toLineEnd ? s.indexOf('\n', i) : s.indexOf("*/", i + 2) + 1;
                i = end <= 0 ? s.length() : end; // an unclosed comment ends the source
                continue;
            }
            if (c == '\'') {
                int j = s.indexOf('\'', i + (s.charAt(i + 1) == '\\' ? 3 : 2));
                current.append(s, i, j + 1);
                i = j;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    args.add(current.toString());
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    private static Set<String> errorKeys(String language) {
        String path = "public/i18n/" + language + ".js";
        try (InputStream in = ErrorCodesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Matcher m = KEY_LINE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> keys = new TreeSet<>();
            while (m.find()) {
                keys.add(m.group(1));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
