package warden.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boundaries the design map names, held against the compiled code of every module: the REST API and the Discord
 * adapter send commands and queries and never use the command side's internals, the bot does not reach into the API,
 * the Discord plumbing ({@code warden.discord}) imports no feature, every command is sent one way
 * ({@code warden.platform.Commands}), and no two packages of a module import each other.
 */
class BoundariesTest {

    private static final List<String> MODULES =
            List.of("shared-events", "automod-engine", "platform", "command-side", "query-side", "api", "bot-adapter");
    /** Each module's classes, by the module that compiled them (feature packages span modules: names tell them apart). */
    private static final Map<String, JavaClasses> BY_MODULE = new HashMap<>();

    private static final JavaClasses ALL;

    static {
        ClassFileImporter importer = new ClassFileImporter();
        for (String module : MODULES) {
            Path classes = Path.of("..", module, "target", "classes");
            if (!Files.isDirectory(classes))
                throw new IllegalStateException(classes.toAbsolutePath() + " is not built");
            BY_MODULE.put(module, importer.importPath(classes));
        }
        ALL = importer.importPaths(
                MODULES.stream().map(m -> Path.of("..", m, "target", "classes")).toList());
    }

    private static DescribedPredicate<JavaClass> in(String module) {
        Set<String> names =
                BY_MODULE.get(module).stream().map(JavaClass::getName).collect(Collectors.toSet());
        return DescribedPredicate.describe("classes of " + module, c -> names.contains(c.getName()));
    }

    @Test
    void theApiAndTheBotUseNoCommandSideInternals() {
        ArchRule rule = noClasses()
                .that(in("api"))
                .or(in("bot-adapter"))
                .should()
                .dependOnClassesThat(in("command-side"))
                .because("the REST API and the Discord adapter send commands and queries (design map: modules)");
        rule.check(ALL);
    }

    @Test
    void theBotDoesNotReachIntoTheApi() {
        ArchRule rule = noClasses()
                .that(in("bot-adapter"))
                .should()
                .dependOnClassesThat(in("api"))
                .because("what both need lives where both may use it");
        rule.check(ALL);
    }

    @Test
    void everyCallSiteSendsCommandsOneWay() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("warden.platform..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(
                        org.axonframework.commandhandling.gateway.CommandGateway.class,
                        warden.platform.GroupCommitCommands.class,
                        warden.platform.OrderedCommands.class)
                .because(
                        "which path a command takes (grouped commits, ordered batches, the bus inside a unit of work) is "
                                + "warden.platform.Commands' choice, not the call site's");
        rule.check(ALL);
    }

    @Test
    void theDiscordPlumbingImportsNoFeature() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("warden.discord..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "warden.automod..",
                        "warden.sanctions..",
                        "warden.backup..",
                        "warden.federation..",
                        "warden.interserver..",
                        "warden.raid..",
                        "warden.reports..",
                        "warden.config..",
                        "warden.ledger..",
                        "warden.sandbox..",
                        "warden.evidence..",
                        "warden.modlog..")
                .because(
                        "features plug into the plumbing; the plumbing never names them (design map: features plug in)");
        rule.check(ALL);
    }

    /**
     * Within a module, no two feature packages import each other. Across modules the feature packages share names on
     * purpose (a feature is found in one place per module), and Maven already refuses a cycle between modules.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void noTwoPackagesOfAModuleImportEachOther(String module) {
        slices().matching("warden.(*)..").should().beFreeOfCycles().check(BY_MODULE.get(module));
    }

    static List<String> modules() {
        return MODULES;
    }

    @Test
    void theRulesSeeEveryModule() {
        // an empty import would make every rule above pass without checking anything
        MODULES.forEach(m -> assertThat(BY_MODULE.get(m).size()).as(m).isGreaterThan(5));
    }
}
