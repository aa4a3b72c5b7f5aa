package org.lancang.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is the railway in plain Java: it imports no framework, no I/O library and none of the other modules. */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lancang");

    @Test
    void coreDependsOnlyOnTheJdkAndItself() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("org.lancang..", "java..")
                .because("lancang-core imports no framework or library")
                .check(CORE);
    }

    @Test
    void coreImportsNoneOfTheOtherModules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.lancang.store..", "org.lancang.web..", "org.lancang.app..", "org.lancang.bench..")
                .check(CORE);
    }

    @Test
    void coreDoesNoIo() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.lang.System")
                .because("the core is pure: adapters hand it data and take its results")
                .check(CORE);
    }
}
