package org.lancang.app.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The style rules the formatter cannot check, over the Java sources of every module: a class is named by an import,
 * never spelled out in full inside the code (comments and strings may name packages).
 */
class SourceStyleTest {
    /** A package path followed by a class name: {@code java.util.Locale}, {@code org.lancang.errors.Clash}. */
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.\"/])(?:java|javax|org|com|io|picocli)(?:\\.[a-z0-9_]+)+\\.[A-Z]\\w*");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void noClassIsNamedByItsFullNameInsideTheCode() throws IOException {
        List<Path> sources = javaSources();
        assertThat(sources).as("Java sources found under " + root()).hasSizeGreaterThan(200);
        List<String> found = new ArrayList<>();
        for (Path file : sources) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            boolean inComment = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (inComment) {
                    inComment = !line.contains("*/");
                    continue;
                }
                if (line.startsWith("/*")) {
                    inComment = !line.contains("*/");
                    continue;
                }
                if (line.startsWith("*")
                        || line.startsWith("//")
                        || line.startsWith("import ")
                        || line.startsWith("package ")) {
                    continue;
                }
                String code = STRING.matcher(line).replaceAll("\"\"");
                int comment = code.indexOf("//");
                Matcher m = QUALIFIED.matcher(comment < 0 ? code : code.substring(0, comment));
                if (m.find()) {
                    found.add(root().relativize(file) + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        assertThat(found)
                .as("import these classes instead of naming them in full")
                .isEmpty();
    }

    @Test
    void everyPackageOfTheCoreTheStoreAndTheWebExplainsItself() throws IOException {
        List<String> missing = new ArrayList<>();
        int packages = 0;
        for (String module : List.of("lancang-core", "lancang-store", "lancang-web")) {
            Path main = root().resolve(module).resolve("src/main/java");
            try (Stream<Path> folders = Files.walk(main)) {
                for (Path folder : folders.filter(Files::isDirectory).toList()) {
                    boolean hasClasses;
                    try (Stream<Path> files = Files.list(folder)) {
                        hasClasses = files.anyMatch(f -> f.toString().endsWith(".java"));
                    }
                    if (hasClasses) {
                        packages++;
                        if (!Files.exists(folder.resolve("package-info.java"))) {
                            missing.add(root().relativize(folder).toString());
                        }
                    }
                }
            }
        }
        assertThat(packages).as("packages found").isGreaterThan(25);
        assertThat(missing)
                .as("packages without a package-info.java that explains their terms")
                .isEmpty();
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
        }
    }

    /** The repository: the parent of this module's folder. */
    private static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }
}
