package org.lancang.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lancang.data.CsvTable;

/**
 * The network is data: no source file of the core names a station, a country, an operator or a time zone of any network
 * in {@code data/} (nor of the tiny test network). Every string literal and every identifier of the core's main sources
 * is checked against the codes those folders define, and every string literal against the shape of a time zone id.
 */
class CoreLiteralsTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final List<Path> NETWORKS =
            List.of(Path.of("..", "data"), Path.of("src", "test", "resources", "networks"));
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");
    private static final Pattern ZONE_ID =
            Pattern.compile("\\b(Africa|America|Asia|Europe|Australia|Pacific|Indian|Etc)/[A-Za-z_]+");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void theCoreNamesNoStationCountryOperatorOrZoneOfAnyNetwork() {
        Set<String> codes = networkCodes();
        assertThat(codes).as("codes read from the data folders").contains("KMS", "CN", "LA", "LCR");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String code = withoutComments(read(file));
            Matcher strings = STRING.matcher(code);
            while (strings.find()) {
                String literal = strings.group(1);
                if (codes.contains(literal)) {
                    found.add(file.getFileName() + ": the literal \"" + literal + "\" is a code of the data");
                }
                Matcher zone = ZONE_ID.matcher(literal);
                if (zone.find()) {
                    found.add(file.getFileName() + ": the literal \"" + literal + "\" names a time zone");
                }
            }
            Matcher ids = IDENTIFIER.matcher(STRING.matcher(code).replaceAll("\"\""));
            while (ids.find()) {
                String id = ids.group();
                if (codes.contains(id)) {
                    found.add(file.getFileName() + ": the identifier " + id + " is a code of the data");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsALiteralWhereOneIs() {
        Set<String> codes = Set.of("KMS");
        String code = withoutComments("class X { // \"KMS\" in a comment is fine\n String s = \"KMS\"; }");
        Matcher m = STRING.matcher(code);
        List<String> hits = new ArrayList<>();
        while (m.find()) {
            if (codes.contains(m.group(1))) {
                hits.add(m.group(1));
            }
        }
        assertThat(hits).containsExactly("KMS");
        assertThat(ZONE_ID.matcher("Asia/Vientiane").find()).isTrue();
    }

    /** Point codes, country codes (and their shared border codes), operator codes of every network folder. */
    private static Set<String> networkCodes() {
        Set<String> codes = new HashSet<>();
        for (Path root : NETWORKS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> folders = Files.walk(root)) {
                for (Path folder : folders.filter(Files::isDirectory).toList()) {
                    column(folder.resolve("points.csv"), "code", codes);
                    column(folder.resolve("assumed-loops.csv"), "code", codes);
                    column(folder.resolve("countries.csv"), "code", codes);
                    column(folder.resolve("operators.csv"), "code", codes);
                    column(folder.resolve("points.csv"), "country", codes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> withEnumNames = new HashSet<>(codes);
        codes.forEach(c -> withEnumNames.add(c.replace('/', '_')));
        return withEnumNames;
    }

    private static void column(Path file, String column, Set<String> into) {
        if (Files.exists(file)) {
            CsvTable table = CsvTable.parse(file.getFileName().toString(), read(file), List.of(column));
            table.rows().forEach(r -> into.add(r.required(column)));
        }
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutComments(String code) {
        return COMMENT.matcher(code).replaceAll(" ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
