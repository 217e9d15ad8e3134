package warden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No container engine runs where Warden is built, so the Dockerfile is never built here: this holds it to the parent
 * pom instead. Its dependency layer copies every module's pom (a missing one fails {@code dependency:go-offline},
 * which nothing may hide), and the build context leaves data folders and build output out.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theDockerfileCopiesEveryModulesPomAndHidesNoFailure() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        List<String> copied = all(Pattern.compile("(?m)^COPY ([\\w-]+)/pom\\.xml \\1/$"), dockerfile);
        assertThat(copied).containsExactlyElementsOf(modules());
        assertThat(dockerfile).doesNotContain("|| true");
    }

    @Test
    void theBuildContextLeavesDataAndBuildOutputOut() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::strip)
                .toList();
        assertThat(ignored).contains("**/target/", "warden-data/", "warden-sandbox-data/");
    }

    private static List<String> modules() throws IOException {
        return all(Pattern.compile("<module>([\\w-]+)</module>"), Files.readString(ROOT.resolve("pom.xml")));
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) found.add(m.group(1));
        return found;
    }
}
