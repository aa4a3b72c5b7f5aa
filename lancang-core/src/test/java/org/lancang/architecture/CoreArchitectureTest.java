package org.lancang.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
                .because("the core is pure: adapters hand it data and take its results")
                .check(CORE);
    }

    @Test
    void coreTakesNothingFromSystemButItsArrayCopy() {
        classes()
                .should(takeNothingFromSystemButArrayCopy())
                .because("the clock, the environment, properties, the console and exit are the adapters' to give;"
                        + " System.arraycopy is only a copy in memory")
                .check(CORE);
    }

    private static ArchCondition<JavaClass> takeNothingFromSystemButArrayCopy() {
        return new ArchCondition<>("take nothing from java.lang.System but System.arraycopy") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaAccess<?> access : item.getAccessesFromSelf()) {
                    boolean system = access.getTargetOwner().isEquivalentTo(System.class);
                    if (system && !access.getName().equals("arraycopy")) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }
}
