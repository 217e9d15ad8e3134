package warden.automod;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import warden.sanctions.Evidence;

/**
 * The backtest as a file an admin opens: one self-contained HTML page (inline style and SVG chart, no script, no
 * network) with the totals per module, channel and member, flagged messages over time, the word-list entries that
 * matched most, the everyday words they matched, the rules' sanctions and every flagged message with its matched spans highlighted; or a CSV file with
 * one row per flagged message for a spreadsheet.
 */
final class BacktestReport {

    private static final int MAX_MESSAGES = 5_000;

    private BacktestReport() {}

    static final String CSV_HEADER = "message_id,time,file,channel,author,modules,matched,content\n";

    /** One flagged message as a CSV row. */
    static String csvRow(BacktestRun.Flag f) {
        List<String> modules = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (Violation v : f.a().violations()) {
            modules.add(v.module().key());
            v.spans().forEach(s -> matched.add(s.text()));
        }
        return String.join(
                        ",",
                        cell(f.message().id()),
                        cell(f.message().timestamp().toString()),
                        cell(f.file()),
                        cell(f.channel()),
                        cell(f.message().author().toString()),
                        cell(String.join(" ", modules)),
                        cell(String.join(" | ", matched)),
                        cell(f.message().content()))
                + "\n";
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so that a spreadsheet never runs a message as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    static void html(
            Path file,
            List<BacktestRun.Flag> flags,
            List<BacktestRun.RuleOutcome> decisions,
            JsonNode summary,
            BacktestRun.Tally tally,
            boolean compared)
            throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Warden backtest</title><style>")
                .append(
                        "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append(
                        "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f2f2f2}")
                .append(
                        "mark{background:#ffd54f}.num{text-align:right}.msg{max-width:60em;white-space:pre-wrap;word-break:break-word}")
                .append("</style></head><body><h1>Warden backtest</h1>");
        h.append("<p id=\"totals\">")
                .append(summary.path("messagesScanned").asLong())
                .append(" messages scanned in ")
                .append(summary.path("files").asInt())
                .append(" file(s), <strong>")
                .append(summary.path("messagesFlagged").asLong())
                .append("</strong> flagged; ")
                .append(summary.path("systemMessagesSkipped").asLong())
                .append(" system messages and ")
                .append(summary.path("duplicatesSkipped").asLong())
                .append(" duplicates skipped.</p>");
        if (summary.has("note"))
            h.append("<p>").append(escape(summary.path("note").asText())).append("</p>");
        table(h, "Flagged per module", "module", summary.path("flaggedPerModule"), "per-module");
        table(h, "Flagged per channel", "channel", summary.path("flaggedPerChannel"), "per-channel");
        table(h, "Flagged per member (top 20)", "member", summary.path("flaggedPerMember"), "per-member");
        chart(h, tally.perHour);
        topEntries(h, tally.entries);
        ordinaryWords(h, summary.path("ordinaryWords"));
        if (compared) comparison(h, summary.path("comparison"));
        if (!decisions.isEmpty()) {
            h.append(
                    "<h2>Sanctions the rules would have decided</h2><table id=\"sanctions\"><tr><th>time</th><th>member</th><th>rule</th><th>sanction</th></tr>");
            for (BacktestRun.RuleOutcome outcome : decisions) {
                warden.sanctions.RuleSimulation.Decision d = outcome.decision();
                h.append("<tr><td>")
                        .append(d.at())
                        .append("</td><td>")
                        .append(d.member())
                        .append("</td><td>")
                        .append(escape(d.rule().value()))
                        .append("</td><td>")
                        .append(d.sanction().kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append(
                                d.sanction().duration() == null
                                        ? ""
                                        : " "
                                                + warden.common.Durations.format(
                                                        d.sanction().duration()))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append(
                "<h2>Flagged messages</h2><table id=\"messages\"><tr><th>time</th><th>channel</th><th>author</th><th>modules</th><th>message</th></tr>");
        int shown = 0;
        for (BacktestRun.Flag f : flags) {
            if (!f.a().flagged()) continue;
            if (shown++ >= MAX_MESSAGES) {
                h.append("<tr><td colspan=\"5\">… and more: see the JSON lines</td></tr>");
                break;
            }
            List<String> modules = f.a().violations().stream()
                    .map(v -> v.module().key())
                    .distinct()
                    .toList();
            h.append("<tr><td>")
                    .append(f.message().timestamp())
                    .append("</td><td>")
                    .append(escape(f.channel()))
                    .append("</td><td>")
                    .append(f.message().author())
                    .append("</td><td>")
                    .append(String.join(", ", modules))
                    .append("</td><td class=\"msg\">")
                    .append(highlighted(f.message().content(), f.a()))
                    .append("</td></tr>");
        }
        h.append("</table></body></html>\n");
        Files.writeString(file, h, StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder h, String title, String what, JsonNode counts, String id) {
        h.append("<h2>")
                .append(title)
                .append("</h2><table id=\"")
                .append(id)
                .append("\"><tr><th>")
                .append(what)
                .append("</th><th>flagged</th></tr>");
        counts.properties()
                .forEach(e -> h.append("<tr><td>")
                        .append(escape(e.getKey()))
                        .append("</td><td class=\"num\">")
                        .append(e.getValue().asLong())
                        .append("</td></tr>"));
        h.append("</table>");
    }

    /** Flagged messages per hour (per day beyond two weeks), as an inline SVG bar chart. */
    private static void chart(StringBuilder h, Map<Instant, Long> perHour) {
        if (perHour.isEmpty()) return;
        List<Instant> hours = new ArrayList<>(perHour.keySet());
        boolean daily = ChronoUnit.DAYS.between(hours.get(0), hours.get(hours.size() - 1)) > 14;
        TreeMap<Instant, Long> buckets = new TreeMap<>();
        perHour.forEach((hour, n) -> buckets.merge(
                daily
                        ? hour.atOffset(ZoneOffset.UTC)
                                .truncatedTo(ChronoUnit.DAYS)
                                .toInstant()
                        : hour,
                n,
                Long::sum));
        long max = buckets.values().stream().max(Long::compare).orElse(1L);
        int width = Math.max(200, buckets.size() * 14);
        h.append("<h2>Flagged messages per ")
                .append(daily ? "day" : "hour")
                .append(" (UTC)</h2>")
                .append("<svg id=\"chart\" width=\"")
                .append(width)
                .append("\" height=\"140\">");
        int x = 0;
        for (Map.Entry<Instant, Long> b : buckets.entrySet()) {
            long height = Math.max(1, b.getValue() * 110 / max);
            h.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(120 - height)
                    .append("\" width=\"10\" height=\"")
                    .append(height)
                    .append("\" fill=\"#e57373\"><title>")
                    .append(b.getKey())
                    .append(": ")
                    .append(b.getValue())
                    .append("</title></rect>");
            x += 14;
        }
        h.append("<text x=\"0\" y=\"135\" font-size=\"10\">")
                .append(buckets.firstKey())
                .append("</text></svg>");
    }

    /** The vocabulary entries that matched most. */
    private static void topEntries(StringBuilder h, Map<String, Long> entries) {
        if (entries.isEmpty()) return;
        h.append(
                "<h2>Word-list entries that matched most</h2><table id=\"entries\"><tr><th>entry</th><th>matches</th></tr>");
        entries.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(20)
                .forEach(e -> h.append("<tr><td>")
                        .append(escape(e.getKey()))
                        .append("</td><td class=\"num\">")
                        .append(e.getValue())
                        .append("</td></tr>"));
        h.append("</table>");
    }

    /** The everyday words the list matched: what enabling it costs. */
    private static void ordinaryWords(StringBuilder h, JsonNode ordinary) {
        if (ordinary.isMissingNode()) return;
        h.append("<h2>Ordinary words the list matched</h2><p>")
                .append(ordinary.path("messages").asLong())
                .append(
                        " flagged message(s) hold an everyday English or French word that the list names, or that one of its")
                .append(" <code>*</code> entries reaches: each is deleted whenever someone writes it.</p>")
                .append("<table id=\"ordinary-words\"><tr><th>word</th><th>matches</th></tr>");
        ordinary.path("words")
                .properties()
                .forEach(e -> h.append("<tr><td>")
                        .append(escape(e.getKey()))
                        .append("</td><td class=\"num\">")
                        .append(e.getValue().asLong())
                        .append("</td></tr>"));
        h.append("</table>");
    }

    private static void comparison(StringBuilder h, JsonNode c) {
        h.append("<h2>Two policies compared</h2><p id=\"comparison\">Only ")
                .append(escape(c.path("policyA").asText()))
                .append(": <strong>")
                .append(c.path("onlyA").asLong())
                .append("</strong>; only ")
                .append(escape(c.path("policyB").asText()))
                .append(": <strong>")
                .append(c.path("onlyB").asLong())
                .append("</strong>; both: <strong>")
                .append(c.path("both").asLong())
                .append("</strong>.</p>")
                .append("<table><tr><th>module</th><th>only A</th><th>only B</th><th>both</th></tr>");
        c.path("perModule")
                .properties()
                .forEach(e -> h.append("<tr><td>")
                        .append(escape(e.getKey()))
                        .append("</td><td class=\"num\">")
                        .append(e.getValue().path("onlyA").asLong())
                        .append("</td><td class=\"num\">")
                        .append(e.getValue().path("onlyB").asLong())
                        .append("</td><td class=\"num\">")
                        .append(e.getValue().path("both").asLong())
                        .append("</td></tr>"));
        h.append("</table>");
    }

    /** The message with each matched span in a {@code <mark>}, everything escaped. */
    static String highlighted(String content, Evaluation evaluation) {
        List<Evidence.Span> spans = new ArrayList<>();
        evaluation.violations().forEach(v -> spans.addAll(v.spans()));
        spans.sort(Comparator.comparingInt(Evidence.Span::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Evidence.Span s : spans) {
            int start = Math.max(s.start(), at);
            int end = Math.min(s.end(), content.length());
            if (start >= end) continue;
            out.append(escape(content.substring(at, start)))
                    .append("<mark>")
                    .append(escape(content.substring(start, end)))
                    .append("</mark>");
            at = end;
        }
        out.append(escape(content.substring(Math.min(at, content.length()))));
        return out.toString();
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
