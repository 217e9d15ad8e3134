package warden.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import warden.api.ApiCaller;
import warden.api.ApiRole;
import warden.automod.AutomodOptions;
import warden.automod.AutomodSettings;
import warden.common.EventJson;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.config.ConfigureAutomod;
import warden.config.GuildPolicies;
import warden.config.PolicyDocument;
import warden.config.PolicyEditor;
import warden.ledger.FindInfractionLog;
import warden.ledger.HistoryPage;
import warden.platform.Commands;
import warden.platform.QueryResults;
import warden.sanctions.InfractionId;
import warden.sanctions.PardonInfraction;

/**
 * The web panel's pages: the guilds a token may see, a guild's auto-moderation (every module and option, saved as a new
 * policy version through the same command as the API, with the version history and what each version changed), and a
 * member's infraction log with pardons.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelController {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final int HISTORY = 20;

    private final GuildPolicies policies;
    private final PolicyEditor editor;
    private final Commands commands;
    private final QueryGateway queries;
    private final JdbcClient db;
    private final MessageSource messages;

    PanelController(
            GuildPolicies policies,
            PolicyEditor editor,
            Commands commands,
            QueryGateway queries,
            JdbcClient db,
            MessageSource messages) {
        this.policies = policies;
        this.editor = editor;
        this.commands = commands;
        this.queries = queries;
        this.db = db;
        this.messages = messages;
    }

    record Field(String name, String type, String value) {}

    record Module(String name, List<Field> fields) {}

    record Version(long version, String by, Instant at, List<PolicyDiff.Change> changes) {}

    @GetMapping("/panel")
    String home(@AuthenticationPrincipal ApiCaller caller, Model model) {
        model.addAttribute("caller", caller);
        model.addAttribute("operator", caller.mayEveryGuild(ApiRole.ADMIN));
        model.addAttribute(
                "guilds",
                caller.guilds().stream()
                        .filter(g -> !g.equals(ApiCaller.ALL_GUILDS))
                        .sorted()
                        .toList());
        return "panel/home";
    }

    @GetMapping("/panel/guild")
    String pick(@RequestParam String guild) {
        return "redirect:/panel/guilds/" + GuildId.of(guild.strip()) + "/automod";
    }

    /** Every page shows one guild: the signed-in token must cover it, with the role the page needs. */
    static void scope(ApiCaller caller, ApiRole role, GuildId guild) {
        if (!caller.may(role, guild)) throw new AccessDeniedException("not this guild");
    }

    @GetMapping("/panel/guilds/{guild}/automod")
    String automod(@PathVariable GuildId guild, @AuthenticationPrincipal ApiCaller caller, Model model) {
        scope(caller, ApiRole.MODERATOR, guild);
        PolicyDocument policy = policies.current(guild);
        JsonNode document = JSON.valueToTree(policy.automod());
        List<Module> modules = new ArrayList<>();
        for (String section : AutomodOptions.sections()) {
            List<Field> fields = new ArrayList<>();
            for (String option : AutomodOptions.options(section)) {
                JsonNode value = document.path(section).path(option);
                String type = value.isBoolean() ? "checkbox" : value.isNumber() ? "number" : "text";
                fields.add(new Field(option, type, PolicyDiff.field(value)));
            }
            modules.add(new Module(section, fields));
        }
        model.addAttribute("guild", guild.toString());
        model.addAttribute("version", policy.version());
        model.addAttribute("modules", modules);
        model.addAttribute("history", history(guild));
        model.addAttribute("admin", caller.may(ApiRole.ADMIN, guild));
        return "panel/automod";
    }

    /** The policy's versions, newest first, each with what it changed from the one before. */
    private List<Version> history(GuildId guild) {
        List<Map<String, Object>> rows =
                db.sql("""
                        select payload::text as payload, occurred_at from audit_event
                        where guild_id = ? and event_type = 'AutomodConfigured' order by global_index desc limit ?""").params(guild.value(), HISTORY + 1).query().listOfRows();
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), HISTORY); i++) {
            JsonNode event = read(rows.get(i).get("payload"));
            JsonNode previous = i + 1 < rows.size()
                    ? read(rows.get(i + 1).get("payload")).path("settings")
                    : JSON.valueToTree(AutomodSettings.defaults());
            JsonNode by = event.path("by");
            versions.add(new Version(
                    event.path("version").asLong(),
                    by.path("kind").asText().toLowerCase(Locale.ROOT) + ":"
                            + by.path("id").asText(),
                    ((java.sql.Timestamp) rows.get(i).get("occurred_at")).toInstant(),
                    PolicyDiff.between(previous, event.path("settings"))));
        }
        return versions;
    }

    private static JsonNode read(Object json) {
        try {
            return JSON.readTree(String.valueOf(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Saves one module's options as a new version; refused with the API's localised message, changing nothing. */
    @PostMapping("/panel/guilds/{guild}/automod/{section}")
    String save(
            @PathVariable GuildId guild,
            @PathVariable String section,
            @RequestParam long version,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        scope(caller, ApiRole.ADMIN, guild);
        try {
            AutomodSettings settings = policies.current(guild).automod();
            JsonNode current = JSON.valueToTree(settings).path(section);
            for (String option : AutomodOptions.options(section)) {
                JsonNode value = current.path(option);
                String typed = value.isBoolean() ? String.valueOf(form.containsKey(option)) : form.get(option);
                if (typed == null || typed.equals(PolicyDiff.field(value))) continue;
                settings = AutomodOptions.with(settings, section, option, typed);
            }
            long saved = editor.change(new ConfigureAutomod(guild, settings, version, caller.actor(), Instant.now()));
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage("panel.saved", new Object[] {section, String.valueOf(saved)}, locale));
        } catch (LocalizedException | CommandExecutionException e) {
            redirect.addFlashAttribute("problem", PanelProblems.message(e, messages, locale));
        }
        return "redirect:/panel/guilds/" + guild + "/automod#" + section;
    }

    /** One bar of the member's chart: a day, with its infractions and sanctions. */
    record Day(String date, long infractions, long sanctions, int infractionBar, int sanctionBar) {}

    @GetMapping("/panel/guilds/{guild}/members")
    String member(
            @PathVariable GuildId guild,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String pardoned,
            @RequestParam(required = false) String at,
            @RequestParam(name = "case", required = false) Long caseNumber,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            Model model) {
        scope(caller, ApiRole.MODERATOR, guild);
        model.addAttribute("guild", guild.toString());
        model.addAttribute("focus", caseNumber);
        if (pardoned != null && !model.containsAttribute("problem")) {
            model.addAttribute("notice", messages.getMessage("panel.pardoned", new Object[] {pardoned}, locale));
        }
        if (user != null && !user.isBlank()) {
            MemberKey member = new MemberKey(guild, UserId.of(user.strip()));
            HistoryPage page = QueryResults.join(queries.query(
                    new FindInfractionLog(member, null, null, null, 0, 50),
                    ResponseTypes.instanceOf(HistoryPage.class)));
            model.addAttribute("user", member.user().toString());
            model.addAttribute("entries", page.entries());
            model.addAttribute("days", days(page.entries()));
            if (at != null && !at.isBlank()) {
                Instant instant = java.time.LocalDateTime.parse(at).toInstant(java.time.ZoneOffset.UTC);
                model.addAttribute("at", at);
                model.addAttribute(
                        "standing",
                        QueryResults.join(queries.query(
                                new warden.ledger.FindMemberStanding(member, instant),
                                ResponseTypes.instanceOf(warden.ledger.MemberStanding.class))));
            }
        }
        return "panel/member";
    }

    /** Infractions and sanctions per day (UTC), oldest first, for the chart. */
    static List<Day> days(List<warden.ledger.HistoryEntry> entries) {
        Map<String, long[]> perDay = new java.util.TreeMap<>();
        for (warden.ledger.HistoryEntry e : entries) {
            String day = e.occurredAt()
                    .atZone(java.time.ZoneOffset.UTC)
                    .toLocalDate()
                    .toString();
            if (e.eventType().equals("InfractionRecorded")) perDay.computeIfAbsent(day, d -> new long[2])[0]++;
            if (e.eventType().equals("SanctionDecided")) perDay.computeIfAbsent(day, d -> new long[2])[1]++;
        }
        long most = perDay.values().stream()
                .mapToLong(c -> Math.max(c[0], c[1]))
                .max()
                .orElse(1);
        List<Day> days = new ArrayList<>();
        perDay.forEach((day, counts) -> days.add(
                new Day(day, counts[0], counts[1], (int) (90 * counts[0] / most), (int) (90 * counts[1] / most))));
        return days;
    }

    /**
     * Why a sanction was decided: its rule and the infractions it counted, its changes, its evidence. The sanction is
     * named by its id or by its case number ({@code 42}), as moderators read it in Discord.
     */
    @GetMapping("/panel/guilds/{guild}/sanctions/{sanction}")
    String why(
            @PathVariable GuildId guild,
            @PathVariable String sanction,
            @AuthenticationPrincipal ApiCaller caller,
            Model model) {
        scope(caller, ApiRole.MODERATOR, guild);
        String id = sanction;
        if (sanction.matches("#?\\d{1,9}")) {
            warden.ledger.Case found = findCase(guild, Long.parseLong(sanction.replace("#", "")), "sanction");
            if (found == null || !found.kind().equals("sanction"))
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND);
            id = found.refId();
        }
        model.addAttribute("guild", guild.toString());
        model.addAttribute(
                "x",
                QueryResults.join(queries.query(
                        new warden.ledger.ExplainSanction(guild, warden.sanctions.SanctionId.of(id)),
                        ResponseTypes.instanceOf(warden.ledger.SanctionExplanation.class))));
        model.addAttribute(
                "caseNumber",
                QueryResults.join(queries.query(
                                new warden.ledger.FindCaseViews(guild, List.of(id)),
                                ResponseTypes.multipleInstancesOf(warden.ledger.CaseView.class)))
                        .stream()
                        .map(warden.ledger.CaseView::number)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null));
        return "panel/why";
    }

    /**
     * A case by the number moderators type: a sanction opens its explanation, anything else the member's log at that
     * case; an unknown number says so on the members' page.
     */
    @GetMapping("/panel/guilds/{guild}/cases")
    String caseByNumber(
            @PathVariable GuildId guild,
            @RequestParam String number,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        scope(caller, ApiRole.MODERATOR, guild);
        String typed = number.strip().replace("#", "");
        warden.ledger.Case found =
                typed.matches("\\d{1,9}") ? findCase(guild, Long.parseLong(typed), "sanction") : null;
        if (found == null) {
            redirect.addFlashAttribute(
                    "problem", messages.getMessage("panel.case.unknown", new Object[] {number.strip()}, locale));
            return "redirect:/panel/guilds/" + guild + "/members";
        }
        if (found.kind().equals("sanction")) return "redirect:/panel/guilds/" + guild + "/sanctions/" + found.refId();
        return "redirect:/panel/guilds/" + guild + "/members?user=" + found.userId() + "&case=" + found.number();
    }

    private warden.ledger.Case findCase(GuildId guild, long number, String kind) {
        return QueryResults.join(queries.query(
                new warden.ledger.FindCase(guild, number, kind), ResponseTypes.instanceOf(warden.ledger.Case.class)));
    }

    /** The guild's audit timeline, newest first, between two dates, a page at a time. */
    @GetMapping("/panel/guilds/{guild}/timeline")
    String timeline(
            @PathVariable GuildId guild,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @AuthenticationPrincipal ApiCaller caller,
            Model model) {
        scope(caller, ApiRole.MODERATOR, guild);
        Instant since = from == null || from.isBlank()
                ? null
                : java.time.LocalDate.parse(from)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant();
        Instant until = to == null || to.isBlank()
                ? null
                : java.time.LocalDate.parse(to)
                        .plusDays(1)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant();
        warden.ledger.TimelinePage page = QueryResults.join(queries.query(
                new warden.ledger.FindGuildTimeline(
                        guild,
                        cursor == null || cursor.isBlank() ? null : warden.ledger.TimelineCursor.decode(cursor),
                        50,
                        since,
                        until),
                ResponseTypes.instanceOf(warden.ledger.TimelinePage.class)));
        model.addAttribute("guild", guild.toString());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("entries", page.entries());
        model.addAttribute("next", page.nextCursor());
        return "panel/timeline";
    }

    @PostMapping("/panel/guilds/{guild}/members/{user}/infractions/{infraction}/pardon")
    String pardon(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable String infraction,
            @RequestParam String reason,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        scope(caller, ApiRole.MODERATOR, guild);
        try {
            commands.sendAndWait(new PardonInfraction(
                    new MemberKey(guild, user),
                    InfractionId.of(infraction),
                    caller.actor(),
                    reason.isBlank() ? null : reason,
                    Instant.now()));
            redirect.addAttribute("pardoned", infraction);
        } catch (LocalizedException | CommandExecutionException e) {
            redirect.addFlashAttribute("problem", PanelProblems.message(e, messages, locale));
        }
        redirect.addAttribute("user", user.toString());
        return "redirect:/panel/guilds/" + guild + "/members";
    }
}
