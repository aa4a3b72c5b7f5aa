package org.lancang.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No test reads the real date: every test's "today" is {@code org.lancang.testing.TestDates} (docs/features/tests.md),
 * because the timetables of data/ end on 2027-12-31 and a test that booked from the real date would fail after it. This
 * scans the test sources of every module of the build (the parent pom's modules, from lancang-core's folder, where its
 * tests run) for a call of the system clock, and names each file and line found outside the allow-list below.
 */
class TestsReadNoRealDateTest {
    private static final Path ROOT = Path.of("..");

    /** A call that takes the present from the system clock (or a static import that would hide one). */
    private static final Pattern REAL_CLOCK = Pattern.compile(
            "\\b(?:LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime|Instant)\\s*\\.\\s*now\\s*\\("
                    + "|\\bClock\\s*\\.\\s*system(?:UTC|DefaultZone)\\s*\\("
                    + "|import\\s+static\\s+java\\.time\\.\\w+\\.(?:now|systemUTC|systemDefaultZone)\\b");

    /** Comments and string literals, which may name a call without making it (this file's own patterns do). */
    private static final Pattern COMMENT_OR_STRING =
            Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:[^\"\\\\\\n]|\\\\.)*\"", Pattern.DOTALL);

    /**
     * The test sources that may read the system clock, each with why; a path from the repository's root. An entry
     * whose file no longer reads it fails too, so the list does not outlive its reasons.
     */
    private static final Map<String, String> ALLOWED = Map.of(
            "lancang-core/src/test/java/org/lancang/testing/TestDates.java",
            "the tests' clock itself: it starts at its fixed instant and takes only the real clock's pace from it",
            "lancang-store/src/test/java/org/lancang/store/sales/SalesRushTest.java",
            "its flowing clock starts at the test's own fixed instant (2026-11-28) and takes only the pace of real"
                    + " time from the system clock, so that 1.5 s holds lapse during the rush");

    @Test
    void noTestSourceReadsTheRealDateOutsideTheAllowList() {
        List<Path> roots = testSourceRoots();
        assertThat(roots)
                .as("the test sources of every module of the parent pom")
                .contains(
                        ROOT.resolve("lancang-core/src/test/java"),
                        ROOT.resolve("lancang-store/src/test/java"),
                        ROOT.resolve("lancang-web/src/test/java"),
                        ROOT.resolve("lancang-app/src/test/java"),
                        ROOT.resolve("lancang-bench/src/test/java"));
        List<String> found = new ArrayList<>();
        TreeSet<String> allowedSeen = new TreeSet<>();
        for (Path root : roots) {
            for (Path file : javaFiles(root)) {
                String name = ROOT.relativize(file).toString().replace('\\', '/');
                List<String> calls = realClockCalls(read(file));
                if (calls.isEmpty()) {
                    continue;
                }
                if (ALLOWED.containsKey(name)) {
                    allowedSeen.add(name);
                } else {
                    calls.forEach(call -> found.add(name + ":" + call));
                }
            }
        }
        assertThat(found)
                .as("tests take today from org.lancang.testing.TestDates (TestDates.today(), daysAhead(n), now(),"
                        + " CLOCK), or a fixed clock of their own; or add the file to this test's allow-list with a"
                        + " reason")
                .isEmpty();
        assertThat(allowedSeen)
                .as("allow-listed files that still read the real clock (drop an entry once its file no longer does)")
                .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @Test
    void theScanFindsACallWithItsLineAndIgnoresCommentsAndStrings() {
        String source = "class X {\n"
                + "  // LocalDate.now() in a comment is fine\n"
                + "  /* Instant.now()\n   Clock.systemUTC() */\n"
                + "  String s = \"ZonedDateTime.now(\";\n"
                + "  LocalDate d = java.time.LocalDate.now ();\n"
                + "  Clock c = Clock.systemDefaultZone();\n"
                + "  Instant i = TestDates.now();\n"
                + "}\n";
        assertThat(realClockCalls(source))
                .containsExactly(
                        "6: LocalDate d = java.time.LocalDate.now ();", "7: Clock c = Clock.systemDefaultZone();");
        assertThat(realClockCalls("import static java.time.Instant.now;\n")).hasSize(1);
    }

    /** "line: code" of every call of the system clock in {@code source}, comments and strings left out. */
    private static List<String> realClockCalls(String source) {
        String[] original = source.split("\n", -1);
        String[] code = blankCommentsAndStrings(source).split("\n", -1);
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < code.length; i++) {
            if (REAL_CLOCK.matcher(code[i]).find()) {
                calls.add((i + 1) + ": " + original[i].strip());
            }
        }
        return calls;
    }

    /** The source with every comment and string literal made spaces, its line breaks kept so lines keep numbers. */
    private static String blankCommentsAndStrings(String source) {
        Matcher m = COMMENT_OR_STRING.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code MODULE/src/test/java} of each module the parent pom builds that has tests. */
    private static List<Path> testSourceRoots() {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
        List<Path> roots = new ArrayList<>();
        while (module.find()) {
            Path tests = ROOT.resolve(module.group(1).strip()).resolve("src/test/java");
            if (Files.isDirectory(tests)) {
                roots.add(tests);
            }
        }
        return roots;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
