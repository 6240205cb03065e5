package io.spikeline.models;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses MODELS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.spikeline.models");

    @Test
    void modelsDependOnNothingButTheJdk() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.spikeline.models..", "java..")
                .because("models is the pure numerical core that every module and the operators share")
                .check(MODELS);
    }
}
