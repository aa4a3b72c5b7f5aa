package org.lancang.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The packages inside the core, in the order they build on each other (docs/architecture.md, "The core's packages").
 * A package may use the packages of the levels before its own, never those of its own level or after it; so no two
 * packages can form a cycle, and a new package has to be given its place here.
 */
class CorePackagesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lancang");

    /** Level by level, lowest first; each name covers its sub-packages (timetable covers timetable.conflict). */
    static final List<List<String>> FEATURE_ORDER = List.of(
            List.of("errors", "data"), // words every feature uses: refusals, reading data files
            List.of("money", "network", "rollingstock"), // money (currencies are data), lines and stations, trains
            List.of("reference", "runtime"), // a railway's data read together; running times from physics
            List.of("timetable"), // plans, blocking times, conflicts, path insertion, the diagram
            List.of("ticketing", "maintenance", "operations", "users", "freight"), // features on the timetable
            List.of("customs", "tracking")); // on freight and operations: what crosses a border, box events and ETA

    @Test
    void everyCorePackageHasItsPlaceInTheFeatureOrder() {
        Set<String> placed = new TreeSet<>();
        FEATURE_ORDER.forEach(placed::addAll);
        Set<String> found = new TreeSet<>();
        for (JavaClass c : CORE) {
            String rest = c.getPackageName().substring("org.lancang.".length());
            found.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        }
        assertThat(found).as("core packages").hasSizeGreaterThan(8);
        found.removeAll(placed);
        assertThat(found)
                .as("core packages missing from FEATURE_ORDER: give each its level here and in docs/architecture.md")
                .isEmpty();
    }

    @Test
    void aPackageUsesOnlyTheLevelsBeforeItsOwn() {
        for (int level = 0; level < FEATURE_ORDER.size(); level++) {
            for (String pkg : FEATURE_ORDER.get(level)) {
                List<String> forbidden = new ArrayList<>();
                for (int other = level; other < FEATURE_ORDER.size(); other++) {
                    for (String o : FEATURE_ORDER.get(other)) {
                        if (!o.equals(pkg)) {
                            forbidden.add("org.lancang." + o + "..");
                        }
                    }
                }
                if (forbidden.isEmpty()) {
                    continue;
                }
                noClasses()
                        .that()
                        .resideInAPackage("org.lancang." + pkg + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because(pkg + " is on level " + level + " of the feature order (CorePackagesTest)")
                        .check(CORE);
            }
        }
    }

    @Test
    void noCycleBetweenAnyTwoPackages() {
        // every package on its own, sub-packages included: timetable, timetable.conflict, timetable.diagram, …
        slices().matching("org.lancang.(**)").should().beFreeOfCycles().check(CORE);
    }
}
