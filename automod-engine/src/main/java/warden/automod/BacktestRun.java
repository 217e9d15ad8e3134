package warden.automod;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import warden.common.EventJson;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.config.PolicyDocument;

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
import java.util.LinkedHashMap;
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

/**
 * One backtest: every export file (folders expanded) read in parallel, each channel with its own detection engine so
 * that per-member windows follow that channel's timeline, progress on the error stream, then the flagged messages in
 * time order, the rules' decisions, the comparison of two policies, a summary line and the report.
 */
final class BacktestRun {

    private static final ObjectMapper JSON = EventJson.mapper();

    /** A message that one of the policies flagged. */
    record Flag(String file, String channel, ChatMessage message, Evaluation a, Evaluation b) {
    }

    private final BacktestCommand.Policy a;
    private final BacktestCommand.Policy b;
    private final BacktestCommand.Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final ConcurrentLinkedQueue<Flag> flags = new ConcurrentLinkedQueue<>();
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong system = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicInteger withoutGuild = new AtomicInteger();

    BacktestRun(BacktestCommand.Policy a, BacktestCommand.Policy b, BacktestCommand.Options options, PrintStream out, PrintStream err) {
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
                .sorted(Comparator.comparing((Flag f) -> f.message().timestamp()).thenComparing(f -> f.message().id())).toList();
        for (Flag flag : sorted) {
            if (flag.a().flagged()) out.println(BacktestCommand.line(flag.message(), flag.a()));
        }
        List<RuleSimulator.Decision> decisions = options.rules() ? rules(sorted) : List.of();
        ObjectNode summary = summary(sorted, decisions, files.size(), seconds);
        out.println(summary);
        if (options.report() != null) {
            try {
                BacktestReport.write(options.report(), sorted, decisions, summary, b != null);
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
                    inside.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().forEach(files::add);
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
            new ChatExportReader().read(in, file.toString(), message -> {
                CompiledPolicy[] policies = compiled.computeIfAbsent(message.guild(), guild -> new CompiledPolicy[]{
                        engineA.compile(new PolicyDocument(guild, 0, true, a.settings(), List.of())),
                        engineB == null ? null : engineB.compile(new PolicyDocument(guild, 0, true, b.settings(), List.of()))});
                Evaluation ea = engineA.evaluate(message, policies[0]);
                Evaluation eb = engineB == null ? null : engineB.evaluate(message, policies[1]);
                scanned.incrementAndGet();
                if (ea.flagged() || (eb != null && eb.flagged())) {
                    flags.add(new Flag(file.getFileName().toString(), stats.channelName, message, ea, eb == null ? Evaluation.CLEAN : eb));
                }
            }, stats);
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
            err.printf(java.util.Locale.ROOT, "progress: %d/%d files, %,d messages, %,d messages/s, ETA %s%n",
                    filesDone.get(), files, scanned.get(), rate, eta);
        }
    }

    /** The sanction rules of policy A over what A flagged, one infraction per module, in time order. */
    private List<RuleSimulator.Decision> rules(List<Flag> sorted) {
        RuleSimulator simulator = new RuleSimulator(a.rules());
        for (Flag flag : sorted) {
            for (Violation v : flag.a().violations()) {
                simulator.infraction(flag.message().author(), flag.message().id(), v.module().infractionType(), flag.message().timestamp());
            }
        }
        return simulator.decisions();
    }

    private ObjectNode summary(List<Flag> sorted, List<RuleSimulator.Decision> decisions, int files, double seconds) {
        Map<AutomodModule, Long> perModule = new EnumMap<>(AutomodModule.class);
        Map<String, Long> perChannel = new LinkedHashMap<>();
        Map<String, Long> perMember = new HashMap<>();
        long flagged = 0;
        for (Flag flag : sorted) {
            if (!flag.a().flagged()) continue;
            flagged++;
            flag.a().violations().forEach(v -> perModule.merge(v.module(), 1L, Long::sum));
            perChannel.merge(flag.channel(), 1L, Long::sum);
            perMember.merge(flag.message().author().toString(), 1L, Long::sum);
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("summary", true);
        summary.put("files", files);
        summary.put("messagesScanned", scanned.get());
        summary.put("messagesFlagged", flagged);
        summary.put("systemMessagesSkipped", system.get());
        summary.put("duplicatesSkipped", duplicates.get());
        if (withoutGuild.get() > 0) {
            summary.put("exportsWithoutGuild", withoutGuild.get());
            summary.put("note", "DM and group exports have no server: server-scoped settings (the server's own invites,"
                    + " ignored channels and roles) do not apply to them");
        }
        ObjectNode modules = summary.putObject("flaggedPerModule");
        perModule.forEach((module, count) -> modules.put(module.key(), count));
        ObjectNode channels = summary.putObject("flaggedPerChannel");
        perChannel.forEach(channels::put);
        ObjectNode members = summary.putObject("flaggedPerMember");
        perMember.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(e -> members.put(e.getKey(), e.getValue()));
        if (b != null) summary.set("comparison", comparison(sorted));
        if (options.rules()) {
            ArrayNode sanctions = summary.putArray("sanctions");
            for (RuleSimulator.Decision d : decisions) {
                ObjectNode s = sanctions.addObject();
                s.put("member", d.member().toString());
                s.put("at", d.at().toString());
                s.put("rule", d.rule());
                s.put("sanction", d.sanction().kind().name().toLowerCase(java.util.Locale.ROOT));
                if (d.sanction().duration() != null) s.put("duration", warden.common.Durations.format(d.sanction().duration()));
                s.put("messageId", d.messageId());
            }
        }
        summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
        summary.put("messagesPerSecond", Math.round(scanned.get() / seconds));
        return summary;
    }

    /** Messages flagged only by A, only by B, by both; per module; with a few examples of each. */
    private ObjectNode comparison(List<Flag> sorted) {
        ObjectNode c = JSON.createObjectNode();
        c.put("policyA", a.file().toString());
        c.put("policyB", b.file().toString());
        long onlyA = 0;
        long onlyB = 0;
        long both = 0;
        Map<String, long[]> perModule = new java.util.TreeMap<>();
        ArrayNode examplesA = JSON.createArrayNode();
        ArrayNode examplesB = JSON.createArrayNode();
        for (Flag flag : sorted) {
            boolean fa = flag.a().flagged();
            boolean fb = flag.b().flagged();
            if (fa && fb) both++;
            else if (fa) onlyA++;
            else if (fb) onlyB++;
            if (fa && !fb && examplesA.size() < 5) examplesA.add(example(flag));
            if (fb && !fa && examplesB.size() < 5) examplesB.add(example(flag));
            java.util.Set<String> ma = modules(flag.a());
            java.util.Set<String> mb = modules(flag.b());
            for (String m : ma) perModule.computeIfAbsent(m, k -> new long[3])[mb.contains(m) ? 2 : 0]++;
            for (String m : mb) if (!ma.contains(m)) perModule.computeIfAbsent(m, k -> new long[3])[1]++;
        }
        c.put("onlyA", onlyA);
        c.put("onlyB", onlyB);
        c.put("both", both);
        ObjectNode modules = c.putObject("perModule");
        perModule.forEach((m, n) -> modules.putObject(m).put("onlyA", n[0]).put("onlyB", n[1]).put("both", n[2]));
        c.set("examplesOnlyA", examplesA);
        c.set("examplesOnlyB", examplesB);
        return c;
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
        e.put("content", flag.message().content().length() > 200 ? flag.message().content().substring(0, 200) + "…" : flag.message().content());
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
