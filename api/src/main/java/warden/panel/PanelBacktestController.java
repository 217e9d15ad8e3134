package warden.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import warden.api.ApiCaller;
import warden.api.ApiRole;
import warden.automod.BacktestCommand;
import warden.common.EventJson;
import warden.common.GuildId;
import warden.config.GuildPolicies;
import warden.config.PolicyDocument;

/**
 * The backtest from the panel: a DiscordChatExporter export uploaded, run against the server's current policy or a
 * draft, offline (the engine's {@code backtest}, nothing recorded, nothing sent): the counts per module on the page and
 * the self-contained report, with the matched spans highlighted, beside them.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelBacktestController {

    private static final ObjectMapper JSON = EventJson.mapper();

    private final GuildPolicies policies;

    PanelBacktestController(GuildPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/panel/guilds/{guild}/backtest")
    String form(@PathVariable GuildId guild, @AuthenticationPrincipal ApiCaller caller, Model model) {
        PanelController.scope(caller, ApiRole.MODERATOR, guild);
        model.addAttribute("guild", guild.toString());
        return "panel/backtest";
    }

    @PostMapping("/panel/guilds/{guild}/backtest")
    String run(
            @PathVariable GuildId guild,
            @RequestParam("export") MultipartFile export,
            @RequestParam(defaultValue = "current") String policy,
            @RequestParam(required = false) String draft,
            @AuthenticationPrincipal ApiCaller caller,
            Model model)
            throws IOException {
        PanelController.scope(caller, ApiRole.MODERATOR, guild);
        model.addAttribute("guild", guild.toString());
        model.addAttribute("draft", draft);
        Path dir = Files.createTempDirectory("warden-backtest");
        try {
            Path exportFile = dir.resolve("export.json");
            export.transferTo(exportFile);
            Path policyFile = dir.resolve("policy.json");
            if (policy.equals("draft")) {
                Files.writeString(policyFile, draft == null ? "" : draft);
            } else {
                PolicyDocument current = policies.current(guild);
                ObjectNode document = JSON.createObjectNode();
                document.set("automod", JSON.valueToTree(current.automod()));
                document.set("rules", JSON.valueToTree(current.rules()));
                Files.write(policyFile, JSON.writeValueAsBytes(document));
            }
            Path report = dir.resolve("report.html");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = BacktestCommand.run(
                    new String[] {
                        "--policy",
                        policyFile.toString(),
                        "--export",
                        exportFile.toString(),
                        "--report",
                        report.toString()
                    },
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            if (status != 0) {
                // the engine names the file, line and column; the temporary paths mean nothing to the reader
                model.addAttribute(
                        "problem",
                        err.toString(StandardCharsets.UTF_8)
                                .replace(dir + "/", "")
                                .strip());
                return "panel/backtest";
            }
            String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
            JsonNode summary = JSON.readTree(lines[lines.length - 1]);
            Map<String, Long> perModule = new TreeMap<>();
            summary.path("flaggedPerModule")
                    .properties()
                    .forEach(e -> perModule.put(e.getKey(), e.getValue().asLong()));
            model.addAttribute("scanned", summary.path("messagesScanned").asLong());
            model.addAttribute("flagged", summary.path("messagesFlagged").asLong());
            model.addAttribute("perModule", perModule);
            model.addAttribute("report", Files.readString(report));
            return "panel/backtest";
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                List<Path> all =
                        new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
                for (Path p : all) Files.deleteIfExists(p);
            }
        }
    }
}
