package warden.automod;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import warden.common.InvalidValueException;
import warden.common.LocalizedException;
import warden.config.PolicyDocument;
import warden.common.EventJson;
import warden.sanctions.Evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code backtest --policy policy.json --export chat.json}: runs an automod policy over a channel export without
 * touching Discord or the database, and prints one JSON line per flagged message, then a summary line.
 */
public final class BacktestCommand {

    private static final ObjectMapper JSON = EventJson.mapper();

    private BacktestCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path policyFile = null;
        Path exportFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--policy") && i + 1 < args.length) policyFile = Path.of(args[++i]);
            else if (args[i].equals("--export") && i + 1 < args.length) exportFile = Path.of(args[++i]);
            else {
                err.println("unknown argument: " + args[i]);
                return usage(err);
            }
        }
        if (policyFile == null || exportFile == null) return usage(err);
        try {
            AutomodSettings settings = readPolicy(policyFile);
            return backtest(settings, exportFile, out);
        } catch (BadInput e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar warden.jar backtest --policy policy.json --export chat.json");
        return 2;
    }

    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    static AutomodSettings readPolicy(Path file) throws BadInput {
        try {
            byte[] json = Files.readAllBytes(file);
            AutomodSettings settings = JSON.readValue(json, AutomodSettings.class);
            try {
                settings.validate();
            } catch (InvalidValueException e) {
                throw new BadInput(file + ":" + locate(json, e.field()) + english(e) + (e.field() == null ? "" : " (at " + e.field() + ")"));
            }
            return settings;
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": no such file");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof LocalizedException l) {
                    throw new BadInput(file + ":" + where + english(l) + pathOf(e));
                }
            }
            throw new BadInput(file + ":" + where + e.getOriginalMessage() + pathOf(e));
        } catch (IOException e) {
            throw new BadInput(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** {@code line:column: } of a field such as {@code caps.maxPercent} in the document, or nothing if not found. */
    private static String locate(byte[] json, String field) throws IOException {
        if (field == null) return "";
        JsonPointer wanted = JsonPointer.compile("/" + field.replace('.', '/'));
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.getParsingContext().pathAsPointer().equals(wanted)) {
                    JsonLocation at = parser.currentTokenLocation();
                    return at.getLineNr() + ":" + at.getColumnNr() + ": ";
                }
            }
        }
        return "";
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            return " (at " + m.getPathReference().replace("warden.automod.", "") + ")";
        }
        return "";
    }

    private static String english(LocalizedException e) {
        String pattern = ResourceBundle.getBundle("warden/messages", Locale.ROOT).getString(e.code());
        return new java.text.MessageFormat(pattern, Locale.ROOT).format(e.args());
    }

    private static int backtest(AutomodSettings settings, Path exportFile, PrintStream out) throws BadInput {
        DetectionEngine engine = DetectionEngine.offline();
        AtomicLong flagged = new AtomicLong();
        Map<AutomodModule, Long> perModule = new EnumMap<>(AutomodModule.class);
        CompiledPolicy[] compiled = new CompiledPolicy[1];
        long started = System.nanoTime();
        long scanned;
        try (InputStream in = Files.newInputStream(exportFile)) {
            scanned = new ChatExportReader().read(in, exportFile.toString(), message -> {
                if (compiled[0] == null) compiled[0] = engine.compile(new PolicyDocument(message.guild(), 0, true, settings, List.of()));
                Evaluation evaluation = engine.evaluate(message, compiled[0]);
                if (!evaluation.flagged()) return;
                flagged.incrementAndGet();
                evaluation.violations().forEach(v -> perModule.merge(v.module(), 1L, Long::sum));
                out.println(line(message, evaluation));
            });
        } catch (NoSuchFileException e) {
            throw new BadInput(exportFile + ": no such file");
        } catch (ChatExportReader.ExportException e) {
            throw new BadInput(e.getMessage());
        } catch (IOException e) {
            throw new BadInput(exportFile + ": cannot be read (" + e.getMessage() + ")");
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        ObjectNode summary = JSON.createObjectNode();
        summary.put("summary", true);
        summary.put("messagesScanned", scanned);
        summary.put("messagesFlagged", flagged.get());
        ObjectNode modules = summary.putObject("flaggedPerModule");
        perModule.forEach((module, count) -> modules.put(module.key(), count));
        summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
        summary.put("messagesPerSecond", Math.round(scanned / seconds));
        out.println(summary);
        return 0;
    }

    private static String line(ChatMessage message, Evaluation evaluation) {
        ObjectNode line = JSON.createObjectNode();
        line.put("messageId", message.id());
        var modules = line.putArray("modules");
        var spans = line.putArray("spans");
        for (Violation v : evaluation.violations()) {
            modules.add(v.module().key());
            for (Evidence.Span span : v.spans()) {
                ObjectNode s = spans.addObject();
                s.put("module", v.module().key());
                s.put("start", span.start());
                s.put("end", span.end());
                s.put("text", span.text());
                s.put("rule", span.rule());
                if (!v.revealedBy().isEmpty()) s.set("revealedBy", JSON.valueToTree(v.revealedBy()));
            }
        }
        if (evaluation.repost() != null) line.put("censoredText", evaluation.repost());
        return line.toString();
    }
}
