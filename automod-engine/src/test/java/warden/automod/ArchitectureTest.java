package warden.automod;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The detection engine is a plain library: the Discord adapter, the REST API and offline tools all use it, so it
 * must not reach into any of their frameworks.
 */
class ArchitectureTest {

    /** This module's own classes only (the settings records of shared-events share the package). */
    private static final JavaClasses ENGINE = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theEngineDependsOnNoFramework() {
        ArchRule rule = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.axonframework..",
                        "net.dv8tion..",
                        "jakarta.servlet..",
                        "warden.platform..")
                .because("the detection engine is plain Java (design map: automod-engine)");
        rule.check(ENGINE);
    }

    @Test
    void theRuleSeesTheEngine() {
        // an empty import would make the rule above pass without checking anything
        org.assertj.core.api.Assertions.assertThat(ENGINE.contain(DetectionEngine.class))
                .isTrue();
    }
}
