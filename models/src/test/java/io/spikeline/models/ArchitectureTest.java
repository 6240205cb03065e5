package io.spikeline.models;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.spikeline.models.snapshot.Snapshottable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
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

    /** Snapshot type tags identify what a snapshot holds, so two classes must never share one. */
    @Test
    void everySnapshottableClassHasItsOwnTag() throws Exception {
        Map<Integer, String> owners = new HashMap<>();
        int concrete = 0;
        for (JavaClass c : MODELS) {
            if (!c.isAssignableTo(Snapshottable.class) || c.isInterface() || c.getModifiers().contains(
                    com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
                continue;
            }
            concrete++;
            Field tag = c.reflect().getDeclaredField("TAG");
            assertThat(Modifier.isStatic(tag.getModifiers())).as(c.getName() + ".TAG is static").isTrue();
            tag.setAccessible(true);
            String previous = owners.put(tag.getInt(null), c.getName());
            assertThat(previous).as("snapshot tag of " + c.getName() + " is also used by " + previous).isNull();
        }
        assertThat(concrete).isGreaterThan(20);
    }
}
