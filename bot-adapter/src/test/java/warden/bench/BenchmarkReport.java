package warden.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Benchmarks print their figures and keep them in {@code target/benchmarks/} for the record; each headline figure
 * is also a row of the summary table ({@code rows/*.md}) that {@code scripts/benchmarks.sh} gathers.
 */
final class BenchmarkReport {
    private BenchmarkReport() {}

    static void print(String name, String text) {
        System.out.println(text);
        write(name + ".txt", text + System.lineSeparator());
    }

    /** One line of the summary table: what was measured, Warden's figure, the baseline's, their ratio, the target. */
    static void row(String name, String path, String figure, String baseline, String ratio, String target) {
        write(
                "rows/" + name + ".md",
                String.join(" | ", "| " + path, figure, baseline, ratio, target) + " |" + System.lineSeparator());
    }

    private static void write(String file, String text) {
        try {
            Path target = Path.of("target", "benchmarks").resolve(file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
