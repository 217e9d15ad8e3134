package warden.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import warden.automod.AutomodSettings;
import warden.automod.CapsSettings;
import warden.automod.ChatMessage;
import warden.automod.CompiledPolicy;
import warden.automod.DetectionEngine;
import warden.automod.EmojiSettings;
import warden.automod.Evaluation;
import warden.automod.InviteSettings;
import warden.automod.LinkSettings;
import warden.automod.MarkdownKind;
import warden.automod.MarkdownSettings;
import warden.automod.MentionSettings;
import warden.automod.PingSettings;
import warden.automod.SpamSettings;
import warden.automod.VocabularySettings;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.common.UserId;
import warden.config.PolicyDocument;

/**
 * JMH: messages per second through the whole engine (all nine modules on, 1,000 vocabulary entries with
 * wildcards, chat messages of 20-300 characters), against the baseline most bots use, measured in the same run:
 * one alternation regular expression of the same 1,000 entries over the lower-cased text.
 */
@Tag("benchmark")
public class DetectionEngineBenchmark {

    @State(Scope.Thread)
    public static class Engine {
        List<ChatMessage> messages;
        DetectionEngine engine;
        CompiledPolicy policy;
        Pattern alternation;
        int next;

        @Setup
        public void setUp() {
            messages = ChatCorpus.messages(10_000, 42);
            List<String> words = ChatCorpus.vocabulary(1000, 7);
            AutomodSettings all = new AutomodSettings(
                    new VocabularySettings(true, false, null, null, words, null, false, true),
                    new InviteSettings(true, false, null, null, null, null, true),
                    new LinkSettings(
                            true,
                            false,
                            null,
                            null,
                            LinkSettings.DomainMode.ALLOW_ONLY_LISTED,
                            Set.of("youtube.com"),
                            false),
                    new CapsSettings(true, false, null, null, 70, 10),
                    new EmojiSettings(true, false, null, null, 50, 5),
                    new PingSettings(true, false, null, null, Set.of(UserId.of(42)), Set.of(RoleId.of(43)), false),
                    new MentionSettings(true, false, null, null, Duration.ofSeconds(10), 5, false, false),
                    new SpamSettings(true, false, null, null, Duration.ofSeconds(5), 5),
                    new MarkdownSettings(true, false, null, null, Set.of(MarkdownKind.values()), true),
                    null);
            engine = DetectionEngine.offline();
            policy = engine.compile(new PolicyDocument(GuildId.of(1), 1, true, all, List.of()));
            alternation = Pattern.compile(words.stream()
                    .map(w -> (w.startsWith("*") ? "\\w*" : "\\b")
                            + Pattern.quote(w.replace("*", ""))
                            + (w.endsWith("*") ? "\\w*" : "\\b"))
                    .collect(Collectors.joining("|")));
        }

        ChatMessage nextMessage() {
            ChatMessage m = messages.get(next);
            next = next + 1 == messages.size() ? 0 : next + 1;
            return m;
        }
    }

    @Benchmark
    public Evaluation warden(Engine state) {
        return state.engine.evaluate(state.nextMessage(), state.policy);
    }

    @Benchmark
    public boolean regexBaseline(Engine state) {
        return state.alternation
                .matcher(state.nextMessage().content().toLowerCase(Locale.ROOT))
                .find();
    }

    @Test
    void run() throws Exception {
        Options options = new OptionsBuilder()
                .include(DetectionEngineBenchmark.class.getName() + "\\.")
                .forks(Integer.getInteger("bench.forks", 1))
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(3))
                .threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double warden = score(results, "warden");
        double baseline = score(results, "regexBaseline");
        StringBuilder out =
                new StringBuilder("Detection engine, one thread, all modules, 1,000 entries, 20-300 char messages\n");
        for (RunResult r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-14s %,12.0f messages/s  (± %,.0f)%n",
                    r.getPrimaryResult().getLabel(),
                    r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError()));
        }
        out.append(String.format(Locale.ROOT, "  ratio warden / regex baseline: %.1f%n", warden / baseline));
        BenchmarkReport.print("detection-engine", out.toString());
        BenchmarkReport.row(
                "detection-engine",
                "detection engine, messages/s, one thread",
                String.format(Locale.ROOT, "%,.0f", warden),
                String.format(Locale.ROOT, "one regex %,.0f", baseline),
                String.format(Locale.ROOT, "x%.0f", warden / baseline),
                "-");
    }

    private static double score(Collection<RunResult> results, String label) {
        return results.stream()
                .filter(r -> r.getPrimaryResult().getLabel().equals(label))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }
}
