package warden.panel;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
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
import warden.common.Durations;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.config.AddSanctionRule;
import warden.config.GuildPolicies;
import warden.config.PolicyCommand;
import warden.config.PolicyEditor;
import warden.config.RemoveSanctionRule;
import warden.config.RuleRequest;
import warden.config.SetSanctionRuleEnabled;
import warden.sanctions.InfractionType;
import warden.sanctions.RuleId;
import warden.sanctions.SanctionKind;

/** The automatic sanction rules from the panel: list, add, turn on or off, remove; each change a new policy version. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelRulesController {

    private final GuildPolicies policies;
    private final PolicyEditor editor;
    private final MessageSource messages;

    PanelRulesController(GuildPolicies policies, PolicyEditor editor, MessageSource messages) {
        this.policies = policies;
        this.editor = editor;
        this.messages = messages;
    }

    record RuleView(String id, boolean enabled, String text) {}

    @GetMapping("/panel/guilds/{guild}/rules")
    String rules(@PathVariable GuildId guild, @AuthenticationPrincipal ApiCaller caller, Locale locale, Model model) {
        PanelController.scope(caller, ApiRole.MODERATOR, guild);
        model.addAttribute("guild", guild.toString());
        model.addAttribute(
                "rules",
                policies.current(guild).rules().stream()
                        .map(r -> new RuleView(
                                r.id().value(),
                                r.enabled(),
                                messages.getMessage(
                                        "panel.rules.line",
                                        new Object[] {
                                            r.threshold(),
                                            r.countedType() == null
                                                    ? "any"
                                                    : r.countedType().name().toLowerCase(Locale.ROOT),
                                            Durations.format(r.window()),
                                            r.sanction().kind().name().toLowerCase(Locale.ROOT),
                                            r.sanction().duration() == null
                                                    ? ""
                                                    : Durations.format(
                                                            r.sanction().duration())
                                        },
                                        locale)))
                        .toList());
        model.addAttribute(
                "types",
                Arrays.stream(InfractionType.values())
                        .map(t -> t.name().toLowerCase(Locale.ROOT))
                        .toList());
        model.addAttribute(
                "kinds",
                Arrays.stream(SanctionKind.values())
                        .filter(k -> k != SanctionKind.UNBAN)
                        .map(k -> k.name().toLowerCase(Locale.ROOT))
                        .toList());
        model.addAttribute("admin", caller.may(ApiRole.ADMIN, guild));
        return "panel/rules";
    }

    @PostMapping("/panel/guilds/{guild}/rules")
    String add(
            @PathVariable GuildId guild,
            @RequestParam String infractionType,
            @RequestParam(required = false) Integer threshold,
            @RequestParam String window,
            @RequestParam String sanction,
            @RequestParam(required = false) String duration,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        return change(
                guild,
                caller,
                locale,
                redirect,
                () -> new AddSanctionRule(
                        guild,
                        new RuleRequest(
                                        null,
                                        infractionType,
                                        threshold,
                                        window,
                                        SanctionKind.valueOf(sanction.toUpperCase(Locale.ROOT)),
                                        duration == null || duration.isBlank() ? null : duration,
                                        true)
                                .toRule(RuleId.random()),
                        caller.actor(),
                        Instant.now()));
    }

    @PostMapping("/panel/guilds/{guild}/rules/{rule}/enabled")
    String enable(
            @PathVariable GuildId guild,
            @PathVariable String rule,
            @RequestParam boolean enabled,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        return change(
                guild,
                caller,
                locale,
                redirect,
                () -> new SetSanctionRuleEnabled(guild, RuleId.of(rule), enabled, caller.actor(), Instant.now()));
    }

    @PostMapping("/panel/guilds/{guild}/rules/{rule}/remove")
    String remove(
            @PathVariable GuildId guild,
            @PathVariable String rule,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        return change(
                guild,
                caller,
                locale,
                redirect,
                () -> new RemoveSanctionRule(guild, RuleId.of(rule), caller.actor(), Instant.now()));
    }

    /** One policy change; a refusal is shown in the reader's language and changes nothing. */
    private String change(
            GuildId guild,
            ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect,
            Supplier<PolicyCommand> command) {
        PanelController.scope(caller, ApiRole.ADMIN, guild);
        try {
            long version = editor.change(command.get());
            redirect.addFlashAttribute(
                    "notice", messages.getMessage("panel.rules.saved", new Object[] {String.valueOf(version)}, locale));
        } catch (LocalizedException | CommandExecutionException e) {
            redirect.addFlashAttribute("problem", PanelProblems.message(e, messages, locale));
        }
        return "redirect:/panel/guilds/" + guild + "/rules";
    }
}
