package warden.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
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
import warden.common.Durations;
import warden.common.EventJson;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.LocalizedException;
import warden.common.RoleId;
import warden.config.ConfigureModeration;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.config.PolicyDocument;
import warden.config.PolicyEditor;
import warden.sanctions.SanctionKind;

/**
 * The moderation settings from the panel: how answers and DMs read (the DM template with its placeholders), raid
 * detection, the reports' channel and limit, and the presets of {@code /mod} (added and removed one at a time), each
 * change saved as a new policy version.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelModerationController {

    private static final ObjectMapper JSON = EventJson.mapper();
    /** The sections of the page: the top-level options, then the raid and report settings. */
    static final List<String> SECTIONS = List.of("general", "raid", "reports");

    private static final List<String> GENERAL = List.of(
            "hideResponses",
            "showPublicly",
            "dmKinds",
            "dmTemplate",
            "dmHideModerator",
            "modLogChannel",
            "messageLogChannel",
            "countOutsideActs",
            "recordServerAutoMod");

    private final GuildPolicies policies;
    private final PolicyEditor editor;
    private final MessageSource messages;

    PanelModerationController(GuildPolicies policies, PolicyEditor editor, MessageSource messages) {
        this.policies = policies;
        this.editor = editor;
        this.messages = messages;
    }

    @GetMapping("/panel/guilds/{guild}/moderation")
    String page(@PathVariable GuildId guild, @AuthenticationPrincipal ApiCaller caller, Model model) {
        PanelController.scope(caller, ApiRole.MODERATOR, guild);
        PolicyDocument policy = policies.current(guild);
        List<PanelController.Module> sections = new ArrayList<>();
        for (String section : SECTIONS) {
            JsonNode values = section.equals("general")
                    ? JSON.valueToTree(policy.moderation())
                    : JSON.valueToTree(policy.moderation()).path(section);
            List<String> options = section.equals("general")
                    ? GENERAL
                    : AutomodOptions.options(
                            section.equals("raid")
                                    ? ModerationSettings.RaidSettings.class
                                    : ModerationSettings.ReportSettings.class);
            List<PanelController.Field> fields = new ArrayList<>();
            for (String option : options) {
                JsonNode value = values.path(option);
                fields.add(new PanelController.Field(
                        option,
                        value.isBoolean() ? "checkbox" : value.isNumber() ? "number" : "text",
                        PolicyDiff.field(value)));
            }
            sections.add(new PanelController.Module(section, fields));
        }
        model.addAttribute("guild", guild.toString());
        model.addAttribute("version", policy.version());
        model.addAttribute("sections", sections);
        model.addAttribute(
                "placeholders",
                String.join(
                        " ",
                        ModerationSettings.PLACEHOLDERS.stream()
                                .map(p -> "{" + p + "}")
                                .toList()));
        model.addAttribute("admin", caller.may(ApiRole.ADMIN, guild));
        model.addAttribute(
                "presets",
                policy.moderation().presets().stream().map(PresetRow::of).toList());
        model.addAttribute(
                "kinds",
                java.util.Arrays.stream(SanctionKind.values())
                        .filter(k -> k != SanctionKind.UNBAN)
                        .toList());
        return "panel/moderation";
    }

    /** A preset as the page lists it: its duration written the way commands take it, its roles by id. */
    record PresetRow(
            String name, SanctionKind kind, String duration, String reason, Integer deleteMessageDays, String roles) {
        static PresetRow of(ModerationSettings.Preset p) {
            return new PresetRow(
                    p.name(),
                    p.kind(),
                    p.duration() == null ? "" : Durations.format(p.duration()),
                    p.reason(),
                    p.deleteMessageDays(),
                    String.join(
                            " ",
                            p.roles().stream().map(RoleId::toString).sorted().toList()));
        }
    }

    @PostMapping("/panel/guilds/{guild}/moderation/presets/add")
    String addPreset(
            @PathVariable GuildId guild,
            @RequestParam long version,
            @RequestParam String name,
            @RequestParam String kind,
            @RequestParam(required = false) String duration,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String deleteMessageDays,
            @RequestParam(required = false) String roles,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        return changePresets(guild, version, caller, locale, redirect, presets -> {
            SanctionKind sanction;
            try {
                sanction = SanctionKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidValueException.forField("presets.kind", "error.sanction.kind.missing");
            }
            Integer days;
            try {
                days = deleteMessageDays == null || deleteMessageDays.isBlank()
                        ? null
                        : Integer.valueOf(deleteMessageDays.strip());
            } catch (NumberFormatException e) {
                throw InvalidValueException.forField(
                        "presets.deleteMessageDays",
                        "error.setting.range",
                        "deleteMessageDays",
                        0,
                        7,
                        deleteMessageDays);
            }
            java.util.Set<RoleId> granted = new java.util.HashSet<>();
            if (roles != null)
                for (String role : roles.split("[\\s,]+")) if (!role.isBlank()) granted.add(RoleId.of(role));
            presets.add(new ModerationSettings.Preset(
                    name,
                    sanction,
                    duration == null || duration.isBlank() ? null : Durations.parse(duration),
                    reason == null || reason.isBlank() ? null : reason.strip(),
                    days,
                    granted));
            return name.strip();
        });
    }

    @PostMapping("/panel/guilds/{guild}/moderation/presets/remove")
    String removePreset(
            @PathVariable GuildId guild,
            @RequestParam long version,
            @RequestParam String name,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        return changePresets(guild, version, caller, locale, redirect, presets -> {
            if (!presets.removeIf(p -> p.name().equalsIgnoreCase(name.strip())))
                throw new InvalidValueException("error.preset.unknown", name);
            return name.strip();
        });
    }

    /** Saves the presets as one change made to the current list; a refused change records nothing and says why. */
    private String changePresets(
            GuildId guild,
            long version,
            ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect,
            java.util.function.Function<List<ModerationSettings.Preset>, String> change) {
        PanelController.scope(caller, ApiRole.ADMIN, guild);
        try {
            ModerationSettings m = policies.current(guild).moderation();
            List<ModerationSettings.Preset> presets = new ArrayList<>(m.presets());
            String name = change.apply(presets);
            m = m.withPresets(presets);
            long saved =
                    editor.change(new ConfigureModeration(guild, m.validate(), version, caller.actor(), Instant.now()));
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage("panel.presets.saved", new Object[] {name, String.valueOf(saved)}, locale));
        } catch (LocalizedException | CommandExecutionException e) {
            redirect.addFlashAttribute("problem", PanelProblems.message(e, messages, locale));
        }
        return "redirect:/panel/guilds/" + guild + "/moderation#presets";
    }

    @PostMapping("/panel/guilds/{guild}/moderation/{section}")
    String save(
            @PathVariable GuildId guild,
            @PathVariable String section,
            @RequestParam long version,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        PanelController.scope(caller, ApiRole.ADMIN, guild);
        try {
            ModerationSettings m = policies.current(guild).moderation();
            if (section.equals("general")) {
                JsonNode current = JSON.valueToTree(m);
                for (String option : GENERAL) m = withOption(m, "moderation", option, current.path(option), form);
            } else if (section.equals("raid")) {
                ModerationSettings.RaidSettings raid = m.raid();
                JsonNode current = JSON.valueToTree(raid);
                for (String option : AutomodOptions.options(ModerationSettings.RaidSettings.class))
                    raid = withOption(raid, "raid", option, current.path(option), form);
                m = m.withRaid(raid);
            } else if (section.equals("reports")) {
                ModerationSettings.ReportSettings reports = m.reports();
                JsonNode current = JSON.valueToTree(reports);
                for (String option : AutomodOptions.options(ModerationSettings.ReportSettings.class)) {
                    reports = withOption(reports, "reports", option, current.path(option), form);
                }
                m = m.withReports(reports);
            } else {
                throw new AccessDeniedException("no such section");
            }
            long saved =
                    editor.change(new ConfigureModeration(guild, m.validate(), version, caller.actor(), Instant.now()));
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage("panel.saved", new Object[] {section, String.valueOf(saved)}, locale));
        } catch (LocalizedException | CommandExecutionException e) {
            redirect.addFlashAttribute("problem", PanelProblems.message(e, messages, locale));
        }
        return "redirect:/panel/guilds/" + guild + "/moderation#" + section;
    }

    /** The record with one option set from the form, when the form changed it (an unticked box is false). */
    private static <T extends Record> T withOption(
            T current, String field, String option, JsonNode value, Map<String, String> form) {
        String typed = value.isBoolean() ? String.valueOf(form.containsKey(option)) : form.get(option);
        if (typed == null || typed.equals(PolicyDiff.field(value))) return current;
        return AutomodOptions.with(current, field, option, typed);
    }
}
