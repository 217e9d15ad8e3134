package warden.automod;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import warden.common.EventJson;
import warden.common.InvalidValueException;
import warden.common.LocalizedException;
import warden.sanctions.Evidence;

/**
 * {@code backtest --policy policy.json --export chat.json [more files or folders]}: runs an automod policy over
 * DiscordChatExporter exports without touching Discord or the database, and prints one JSON line per flagged message,
 * then a summary line; {@code --compare} runs a second policy beside it, {@code --rules} plays the sanction rules over
 * what was flagged, {@code --report} writes an HTML page or a CSV file. Every problem is one line, never a stack trace.
 */
public final class BacktestCommand {

    private static final ObjectMapper JSON = EventJson.mapper();

    private BacktestCommand() {}

    /** What the command line asks for. */
    record Options(Path policy, Path compare, List<Path> exports, Path report, boolean rules) {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return usage(err);
        }
        try {
            Policy a = readPolicyAndRules(options.policy());
            Policy b = options.compare() == null ? null : readPolicyAndRules(options.compare());
            return new BacktestRun(a, b, options, out, err).run();
        } catch (BadInput e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) { // a bug must still read as one line, never a stack trace
            err.println("error: " + e);
            return 1;
        }
    }

    static Options parse(String[] args) {
        Path policy = null;
        Path compare = null;
        Path report = null;
        boolean rules = false;
        List<Path> exports = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--policy" -> policy = Path.of(value(args, ++i, "--policy"));
                case "--compare" -> compare = Path.of(value(args, ++i, "--compare"));
                case "--report" -> report = Path.of(value(args, ++i, "--report"));
                case "--rules" -> rules = true;
                case "--export" -> {
                    value(args, i + 1, "--export");
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) exports.add(Path.of(args[++i]));
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (policy == null || exports.isEmpty()) throw new IllegalArgumentException("--policy and --export are needed");
        if (report != null
                && !report.toString().endsWith(".html")
                && !report.toString().endsWith(".csv")) {
            throw new IllegalArgumentException("--report writes a .html or a .csv file");
        }
        return new Options(policy, compare, List.copyOf(exports), report, rules);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar warden.jar backtest --policy policy.json [--compare other.json] [--rules]");
        err.println(
                "                                     --export chat.json [more.json folder/ ...] [--report report.html|report.csv]");
        return 2;
    }

    /** A policy file: an automod document, or {@code {"automod": {...}, "rules": [...]}} with the sanction rules. */
    record Policy(Path file, AutomodSettings settings, List<warden.sanctions.SanctionRule> rules) {}

    static Policy readPolicyAndRules(Path file) throws BadInput {
        try {
            byte[] json = Files.readAllBytes(file);
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(json);
            if (root != null && root.isObject() && (root.has("automod") || root.has("rules"))) {
                AutomodSettings settings = readPolicy(
                        file,
                        JSON.writeValueAsBytes(
                                root.path("automod").isMissingNode() ? JSON.createObjectNode() : root.path("automod")));
                List<warden.sanctions.SanctionRule> rules = new java.util.ArrayList<>();
                for (com.fasterxml.jackson.databind.JsonNode rule : root.path("rules")) {
                    try {
                        warden.sanctions.SanctionRule r = JSON.treeToValue(rule, warden.sanctions.SanctionRule.class);
                        r.validate();
                        rules.add(r);
                    } catch (JsonProcessingException | LocalizedException e) {
                        throw new BadInput(file + ": rule " + rules.size() + ": "
                                + (e instanceof LocalizedException l
                                        ? english(l)
                                        : ((JsonProcessingException) e).getOriginalMessage()));
                    }
                }
                return new Policy(file, settings, List.copyOf(rules));
            }
            return new Policy(file, readPolicy(file, json), List.of());
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": no such file");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
            throw new BadInput(file + ":" + where + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInput(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    static AutomodSettings readPolicy(Path file, byte[] json) throws BadInput {
        try {
            AutomodSettings settings = JSON.readValue(json, AutomodSettings.class);
            try {
                settings.validate();
            } catch (InvalidValueException e) {
                throw new BadInput(file + ":" + locate(json, e.field()) + english(e)
                        + (e.field() == null ? "" : " (at " + e.field() + ")"));
            }
            return settings;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
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
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                && !m.getPath().isEmpty()) {
            return " (at " + m.getPathReference().replace("warden.automod.", "") + ")";
        }
        return "";
    }

    static String english(LocalizedException e) {
        return warden.common.MessageBundles.english(e.code(), e.args());
    }

    static ObjectNode line(ChatMessage message, Evaluation evaluation) {
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
                if (!span.revealedBy().isEmpty()) s.set("revealedBy", JSON.valueToTree(span.revealedBy()));
                if (v.module() == AutomodModule.VOCABULARY) {
                    String ordinary = VocabularyDetector.ordinaryWordsAround(message.content(), span);
                    if (ordinary != null) s.put("ordinaryWord", ordinary);
                }
            }
        }
        if (evaluation.repost() != null) line.put("censoredText", evaluation.repost());
        return line;
    }
}
