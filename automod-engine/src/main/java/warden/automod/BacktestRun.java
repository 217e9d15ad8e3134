package warden.automod;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import warden.common.EventJson;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.config.PolicyDocument;

/**
 * One backtest: every export file (folders expanded) read in parallel, each channel with its own detection engine so
 * that per-member windows follow that channel's timeline, progress on the error stream, then the flagged messages in
 * time order, the rules' decisions, the comparison of two policies, a summary line and the report.
 */
final class BacktestRun {

    private static final ObjectMapper JSON = EventJson.mapper();

    /** A message that one of the policies flagged. */
    record Flag(String file, String channel, ChatMessage message, Evaluation a, Evaluation b) {}

    private final BacktestCommand.Policy a;
    private final BacktestCommand.Policy b;
    private final BacktestCommand.Options options;
    private final PrintStream out;
    private final PrintStream err;
    /** The flagged messages kept whole, for the report (the first {@link #KEPT}); the others only counted. */
    private final ConcurrentLinkedQueue<Flag> flags = new ConcurrentLinkedQueue<>();

    private final AtomicInteger kept = new AtomicInteger();
    static final int KEPT = 5_000;
    /** What the rules need of each message A flagged: small, so that any export fits. */
    private final ConcurrentLinkedQueue<RuleInput> ruleInputs = new ConcurrentLinkedQueue<>();

    private final Tally tally = new Tally();
    /** The CSV report, written as messages are flagged: every row, whatever the export's size. */
    private java.io.Writer csv;

    private record RuleInput(
            warden.common.UserId member,
            String messageId,
            java.util.List<warden.sanctions.InfractionType> types,
            java.time.Instant at) {}

    /** The counts behind the summary and the report, gathered as the channels are read. */
    static final class Tally {
        long flagged;
        final Map<AutomodModule, Long> perModule = new EnumMap<>(AutomodModule.class);
        final Map<String, Long> perChannel = new java.util.TreeMap<>();
        final Map<String, Long> perMember = new HashMap<>();
        final Map<String, Long> entries = new HashMap<>();
        /** Ordinary words the vocabulary matched ("hell" in "hell yes"), and in how many messages. */
        final Map<String, Long> ordinaryWords = new HashMap<>();

        long ordinaryWordMessages;
        final Map<java.time.Instant, Long> perHour = new java.util.TreeMap<>();
        long onlyA;
        long onlyB;
        long both;
        final Map<String, long[]> comparedModules = new java.util.TreeMap<>();
        final List<Flag> examplesA = new ArrayList<>();
        final List<Flag> examplesB = new ArrayList<>();
    }

    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong system = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicInteger withoutGuild = new AtomicInteger();

    BacktestRun(
            BacktestCommand.Policy a,
            BacktestCommand.Policy b,
            BacktestCommand.Options options,
            PrintStream out,
            PrintStream err) {
        this.a = a;
        this.b = b;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    int run() throws BacktestCommand.BadInput {
        List<Path> files = files(options.exports());
        long totalBytes = 0;
        for (Path file : files) {
            try {
                totalBytes += Files.size(file);
            } catch (IOException e) {
                throw new BacktestCommand.BadInput(file + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        long started = System.nanoTime();
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long total = totalBytes;
        if (files.size() > 1 || totalBytes > 20_000_000) {
            ticker.scheduleAtFixedRate(() -> progress(files.size(), total, started), 2, 2, TimeUnit.SECONDS);
        }
        if (options.report() != null && options.report().toString().endsWith(".csv")) {
            try {
                csv = Files.newBufferedWriter(options.report(), java.nio.charset.StandardCharsets.UTF_8);
                csv.write(BacktestReport.CSV_HEADER);
            } catch (IOException e) {
                throw new BacktestCommand.BadInput(options.report() + ": cannot be written (" + e.getMessage() + ")");
            }
        }
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Path file : files) {
                work.add(pool.submit(() -> {
                    scan(file);
                    filesDone.incrementAndGet();
                    if (files.size() > 1) progress(files.size(), total, started);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof BacktestCommand.BadInput bad) throw bad;
                    throw new BacktestCommand.BadInput(String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BacktestCommand.BadInput("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
            ticker.shutdownNow();
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        List<Flag> sorted = flags.stream()
                .sorted(Comparator.comparing((Flag f) -> f.message().timestamp())
                        .thenComparing(f -> f.message().id()))
                .toList();
        List<RuleOutcome> decisions = options.rules() ? rules() : List.of();
        ObjectNode summary = summary(decisions, files.size(), seconds);
        out.println(summary);
        if (options.report() != null) {
            try {
                if (csv != null) csv.close();
                else BacktestReport.html(options.report(), sorted, decisions, summary, tally, b != null);
            } catch (IOException e) {
                throw new BacktestCommand.BadInput(options.report() + ": cannot be written (" + e.getMessage() + ")");
            }
        }
        return 0;
    }

    /** Files as given, folders expanded to the {@code .json} files they hold, each once, in name order. */
    private static List<Path> files(List<Path> exports) throws BacktestCommand.BadInput {
        List<Path> files = new ArrayList<>();
        for (Path export : exports) {
            if (Files.isDirectory(export)) {
                try (Stream<Path> inside = Files.walk(export)) {
                    inside.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new BacktestCommand.BadInput(export + ": cannot be read (" + e.getMessage() + ")");
                }
            } else if (Files.isRegularFile(export)) {
                files.add(export);
            } else {
                throw new BacktestCommand.BadInput(export + ": no such file");
            }
        }
        if (files.isEmpty()) throw new BacktestCommand.BadInput(exports + ": no .json export found");
        return files.stream().distinct().toList();
    }

    private void scan(Path file) throws BacktestCommand.BadInput {
        DetectionEngine engineA = DetectionEngine.offline();
        DetectionEngine engineB = b == null ? null : DetectionEngine.offline();
        Map<GuildId, CompiledPolicy[]> compiled = new HashMap<>();
        ChatExportReader.Stats stats = new ChatExportReader.Stats();
        try (InputStream in = new Counting(Files.newInputStream(file), bytesRead)) {
            new ChatExportReader()
                    .read(
                            in,
                            file.toString(),
                            message -> {
                                CompiledPolicy[] policies =
                                        compiled.computeIfAbsent(message.guild(), guild -> new CompiledPolicy[] {
                                            engineA.compile(
                                                    new PolicyDocument(guild, 0, true, a.settings(), List.of())),
                                            engineB == null
                                                    ? null
                                                    : engineB.compile(
                                                            new PolicyDocument(guild, 0, true, b.settings(), List.of()))
                                        });
                                Evaluation ea = engineA.evaluate(message, policies[0]);
                                Evaluation eb = engineB == null ? null : engineB.evaluate(message, policies[1]);
                                scanned.incrementAndGet();
                                if (ea.flagged() || (eb != null && eb.flagged())) {
                                    record(new Flag(
                                            file.getFileName().toString(),
                                            stats.channelName,
                                            message,
                                            ea,
                                            eb == null ? Evaluation.CLEAN : eb));
                                }
                            },
                            stats);
        } catch (NoSuchFileException e) {
            throw new BacktestCommand.BadInput(file + ": no such file");
        } catch (ChatExportReader.ExportException e) {
            throw new BacktestCommand.BadInput(e.getMessage());
        } catch (LocalizedException e) {
            throw new BacktestCommand.BadInput(file + ": " + BacktestCommand.english(e));
        } catch (IOException e) {
            throw new BacktestCommand.BadInput(file + ": cannot be read (" + e.getMessage() + ")");
        }
        system.addAndGet(stats.system);
        duplicates.addAndGet(stats.duplicates);
        if (stats.noGuild) withoutGuild.incrementAndGet();
    }

    private void progress(int files, long totalBytes, long started) {
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        long done = bytesRead.get();
        long rate = Math.round(scanned.get() / seconds);
        String eta = done == 0 ? "?" : Math.round(seconds * (totalBytes - done) / (double) done) + " s";
        synchronized (err) {
            err.printf(
                    java.util.Locale.ROOT,
                    "progress: %d/%d files, %,d messages, %,d messages/s, ETA %s%n",
                    filesDone.get(),
                    files,
                    scanned.get(),
                    rate,
                    eta);
        }
    }

    /** A sanction the rules of policy A would have decided, on a message A flagged. */
    record RuleOutcome(warden.sanctions.RuleSimulation.Decision decision, String messageId) {}

    /**
     * The sanction rules of policy A over what A flagged, one infraction per module, in time order across channels,
     * through the same decision as the member record ({@link warden.sanctions.RuleSimulation}).
     */
    private List<RuleOutcome> rules() {
        warden.sanctions.RuleSimulation simulation =
                new warden.sanctions.RuleSimulation(new warden.sanctions.SanctionRules(0, a.rules()));
        List<RuleOutcome> outcomes = new ArrayList<>();
        ruleInputs.stream()
                .sorted(Comparator.comparing(RuleInput::at).thenComparing(RuleInput::messageId))
                .forEach(input -> input.types()
                        .forEach(type -> simulation
                                .infraction(
                                        input.member(),
                                        warden.sanctions.InfractionId.of("msg:" + input.messageId() + ":"
                                                + type.name().toLowerCase(java.util.Locale.ROOT)),
                                        type,
                                        input.at())
                                .ifPresent(d -> outcomes.add(new RuleOutcome(d, input.messageId())))));
        return outcomes;
    }

    /** One flagged message: its JSON line now (each channel in its own time order), its counts, and what is kept. */
    private void record(Flag flag) {
        if (flag.a().flagged()) {
            String line = BacktestCommand.line(flag.message(), flag.a()).toString();
            synchronized (out) {
                out.println(line);
                if (csv != null) {
                    try {
                        csv.write(BacktestReport.csvRow(flag));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            if (options.rules()) {
                ruleInputs.add(new RuleInput(
                        flag.message().author(),
                        flag.message().id(),
                        flag.a().violations().stream()
                                .map(v -> v.module().infractionType())
                                .toList(),
                        flag.message().timestamp()));
            }
        }
        if (kept.incrementAndGet() <= KEPT) flags.add(flag);
        synchronized (tally) {
            if (flag.a().flagged()) {
                tally.flagged++;
                boolean ordinary = false;
                for (Violation v : flag.a().violations()) {
                    tally.perModule.merge(v.module(), 1L, Long::sum);
                    if (v.module() != AutomodModule.VOCABULARY) continue;
                    for (warden.sanctions.Evidence.Span sp : v.spans()) {
                        tally.entries.merge(sp.rule(), 1L, Long::sum);
                        String word = VocabularyDetector.ordinaryWordsAround(
                                flag.message().content(), sp);
                        if (word == null) continue;
                        tally.ordinaryWords.merge(word.toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
                        ordinary = true;
                    }
                }
                if (ordinary) tally.ordinaryWordMessages++;
                tally.perChannel.merge(flag.channel(), 1L, Long::sum);
                tally.perMember.merge(flag.message().author().toString(), 1L, Long::sum);
                tally.perHour.merge(
                        flag.message().timestamp().truncatedTo(java.time.temporal.ChronoUnit.HOURS), 1L, Long::sum);
            }
            if (b != null) compare(flag);
        }
    }

    private void compare(Flag flag) {
        boolean fa = flag.a().flagged();
        boolean fb = flag.b().flagged();
        if (fa && fb) tally.both++;
        else if (fa) tally.onlyA++;
        else if (fb) tally.onlyB++;
        if (fa && !fb && tally.examplesA.size() < 5) tally.examplesA.add(flag);
        if (fb && !fa && tally.examplesB.size() < 5) tally.examplesB.add(flag);
        java.util.Set<String> ma = modules(flag.a());
        java.util.Set<String> mb = modules(flag.b());
        for (String m : ma) tally.comparedModules.computeIfAbsent(m, k -> new long[3])[mb.contains(m) ? 2 : 0]++;
        for (String m : mb) if (!ma.contains(m)) tally.comparedModules.computeIfAbsent(m, k -> new long[3])[1]++;
    }

    private ObjectNode summary(List<RuleOutcome> decisions, int files, double seconds) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("summary", true);
        summary.put("files", files);
        summary.put("messagesScanned", scanned.get());
        summary.put("messagesFlagged", tally.flagged);
        summary.put("systemMessagesSkipped", system.get());
        summary.put("duplicatesSkipped", duplicates.get());
        if (withoutGuild.get() > 0) {
            summary.put("exportsWithoutGuild", withoutGuild.get());
            summary.put(
                    "note",
                    "DM and group exports have no server: server-scoped settings (the server's own invites,"
                            + " ignored channels and roles) do not apply to them");
        }
        ObjectNode modules = summary.putObject("flaggedPerModule");
        tally.perModule.forEach((module, count) -> modules.put(module.key(), count));
        ObjectNode channels = summary.putObject("flaggedPerChannel");
        tally.perChannel.forEach(channels::put);
        ObjectNode members = summary.putObject("flaggedPerMember");
        tally.perMember.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(20)
                .forEach(e -> members.put(e.getKey(), e.getValue()));
        if (tally.ordinaryWordMessages > 0) {
            // what the word list costs in everyday words: each of these is deleted whenever someone writes it
            ObjectNode ordinary = summary.putObject("ordinaryWords");
            ordinary.put("messages", tally.ordinaryWordMessages);
            ObjectNode words = ordinary.putObject("words");
            tally.ordinaryWords.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(50)
                    .forEach(e -> words.put(e.getKey(), e.getValue()));
        }
        if (b != null) {
            ObjectNode c = summary.putObject("comparison");
            c.put("policyA", a.file().toString());
            c.put("policyB", b.file().toString());
            c.put("onlyA", tally.onlyA);
            c.put("onlyB", tally.onlyB);
            c.put("both", tally.both);
            ObjectNode perModule = c.putObject("perModule");
            tally.comparedModules.forEach((m, n) ->
                    perModule.putObject(m).put("onlyA", n[0]).put("onlyB", n[1]).put("both", n[2]));
            ArrayNode examplesA = c.putArray("examplesOnlyA");
            tally.examplesA.forEach(f -> examplesA.add(example(f)));
            ArrayNode examplesB = c.putArray("examplesOnlyB");
            tally.examplesB.forEach(f -> examplesB.add(example(f)));
        }
        if (options.rules()) {
            ArrayNode sanctions = summary.putArray("sanctions");
            for (RuleOutcome outcome : decisions) {
                warden.sanctions.RuleSimulation.Decision d = outcome.decision();
                ObjectNode s = sanctions.addObject();
                s.put("member", d.member().toString());
                s.put("at", d.at().toString());
                s.put("rule", d.rule().value());
                s.put("sanction", d.sanction().kind().name().toLowerCase(java.util.Locale.ROOT));
                if (d.sanction().duration() != null)
                    s.put(
                            "duration",
                            warden.common.Durations.format(d.sanction().duration()));
                s.put("messageId", outcome.messageId());
            }
        }
        summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
        summary.put("messagesPerSecond", Math.round(scanned.get() / seconds));
        return summary;
    }

    private static java.util.Set<String> modules(Evaluation e) {
        java.util.Set<String> m = new java.util.TreeSet<>();
        e.violations().forEach(v -> m.add(v.module().key()));
        return m;
    }

    private static ObjectNode example(Flag flag) {
        ObjectNode e = JSON.createObjectNode();
        e.put("messageId", flag.message().id());
        e.put("channel", flag.channel());
        e.put(
                "content",
                flag.message().content().length() > 200
                        ? flag.message().content().substring(0, 200) + "…"
                        : flag.message().content());
        return e;
    }

    /** Counts the bytes read, for the ETA. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count.incrementAndGet();
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) count.addAndGet(n);
            return n;
        }
    }
}
