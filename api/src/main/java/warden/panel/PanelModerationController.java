package warden.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import warden.common.EventJson;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.config.ConfigureModeration;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.config.PolicyDocument;
import warden.config.PolicyEditor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The moderation settings from the panel: how answers and DMs read (the DM template with its placeholders), raid
 * detection and the reports' channel and limit, each section saved as a new policy version. Presets are edited with
 * the REST document.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelModerationController {

    private static final ObjectMapper JSON = EventJson.mapper();
    /** The sections of the page: the top-level options, then the raid and report settings. */
    static final List<String> SECTIONS = List.of("general", "raid", "reports");
    private static final List<String> GENERAL = List.of("hideResponses", "showPublicly", "dmKinds", "dmTemplate", "dmHideModerator");

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
            JsonNode values = section.equals("general") ? JSON.valueToTree(policy.moderation()) : JSON.valueToTree(policy.moderation()).path(section);
            List<String> options = section.equals("general") ? GENERAL
                    : AutomodOptions.options(section.equals("raid") ? ModerationSettings.RaidSettings.class : ModerationSettings.ReportSettings.class);
            List<PanelController.Field> fields = new ArrayList<>();
            for (String option : options) {
                JsonNode value = values.path(option);
                fields.add(new PanelController.Field(option, value.isBoolean() ? "checkbox" : value.isNumber() ? "number" : "text", PolicyDiff.field(value)));
            }
            sections.add(new PanelController.Module(section, fields));
        }
        model.addAttribute("guild", guild.toString());
        model.addAttribute("version", policy.version());
        model.addAttribute("sections", sections);
        model.addAttribute("placeholders", String.join(" ", ModerationSettings.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()));
        model.addAttribute("admin", caller.may(ApiRole.ADMIN, guild));
        return "panel/moderation";
    }

    @PostMapping("/panel/guilds/{guild}/moderation/{section}")
    String save(@PathVariable GuildId guild, @PathVariable String section, @RequestParam long version, @RequestParam Map<String, String> form,
                @AuthenticationPrincipal ApiCaller caller, Locale locale, RedirectAttributes redirect) {
        PanelController.scope(caller, ApiRole.ADMIN, guild);
        try {
            ModerationSettings m = policies.current(guild).moderation();
            if (section.equals("general")) {
                JsonNode current = JSON.valueToTree(m);
                for (String option : GENERAL) m = withOption(m, "moderation", option, current.path(option), form);
            } else if (section.equals("raid")) {
                ModerationSettings.RaidSettings raid = m.raid();
                JsonNode current = JSON.valueToTree(raid);
                for (String option : AutomodOptions.options(ModerationSettings.RaidSettings.class)) raid = withOption(raid, "raid", option, current.path(option), form);
                m = new ModerationSettings(m.hideResponses(), m.showPublicly(), m.dmKinds(), m.dmTemplate(), m.dmHideModerator(), m.presets(), raid, m.reports());
            } else if (section.equals("reports")) {
                ModerationSettings.ReportSettings reports = m.reports();
                JsonNode current = JSON.valueToTree(reports);
                for (String option : AutomodOptions.options(ModerationSettings.ReportSettings.class)) {
                    reports = withOption(reports, "reports", option, current.path(option), form);
                }
                m = new ModerationSettings(m.hideResponses(), m.showPublicly(), m.dmKinds(), m.dmTemplate(), m.dmHideModerator(), m.presets(), m.raid(), reports);
            } else {
                throw new AccessDeniedException("no such section");
            }
            long saved = editor.change(new ConfigureModeration(guild, m.validate(), version, caller.actor(), Instant.now()));
            redirect.addFlashAttribute("notice", messages.getMessage("panel.saved", new Object[]{section, String.valueOf(saved)}, locale));
        } catch (LocalizedException | CommandExecutionException e) {
            redirect.addFlashAttribute("problem", PanelProblems.message(e, messages, locale));
        }
        return "redirect:/panel/guilds/" + guild + "/moderation#" + section;
    }

    /** The record with one option set from the form, when the form changed it (an unticked box is false). */
    private static <T extends Record> T withOption(T current, String field, String option, JsonNode value, Map<String, String> form) {
        String typed = value.isBoolean() ? String.valueOf(form.containsKey(option)) : form.get(option);
        if (typed == null || typed.equals(PolicyDiff.field(value))) return current;
        return AutomodOptions.with(current, field, option, typed);
    }
}
