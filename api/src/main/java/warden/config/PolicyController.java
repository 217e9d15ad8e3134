package warden.config;

import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import warden.api.ApiCaller;
import warden.automod.AutomodSettings;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.sanctions.RuleId;

/**
 * A guild's policy: automod settings and automatic sanction rules. Reading needs a moderator token, changing an
 * admin token of the guild. Each change answers with the new policy version.
 */
@RestController
@RequestMapping("/api/v1/guilds/{guild}/policy")
class PolicyController {

    private final PolicyEditor editor;
    private final GuildPolicies policies;

    PolicyController(PolicyEditor editor, GuildPolicies policies) {
        this.editor = editor;
        this.policies = policies;
    }

    record Changed(long version, String ruleId) {}

    @GetMapping
    PolicyDocument policy(@PathVariable GuildId guild) {
        return policies.current(guild);
    }

    /** The whole automod document; {@code expectedVersion} refuses the change if someone else changed it meanwhile. */
    @PutMapping("/automod")
    Changed automod(
            @PathVariable GuildId guild,
            @RequestBody AutomodSettings settings,
            @RequestParam(required = false) Long expectedVersion,
            @AuthenticationPrincipal ApiCaller caller) {
        if (settings == null) throw new InvalidValueException("error.field.missing");
        return new Changed(
                send(new ConfigureAutomod(guild, settings, expectedVersion, caller.actor(), Instant.now())), null);
    }

    /** The moderation settings document (answers, public display, DMs on sanctions); same versioning as automod. */
    @PutMapping("/moderation")
    Changed moderation(
            @PathVariable GuildId guild,
            @RequestBody ModerationSettings settings,
            @RequestParam(required = false) Long expectedVersion,
            @AuthenticationPrincipal ApiCaller caller) {
        if (settings == null) throw new InvalidValueException("error.field.missing");
        return new Changed(
                send(new ConfigureModeration(guild, settings, expectedVersion, caller.actor(), Instant.now())), null);
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    Changed addRule(
            @PathVariable GuildId guild, @RequestBody RuleRequest body, @AuthenticationPrincipal ApiCaller caller) {
        RuleId id = body.id() == null ? RuleId.random() : RuleId.of(body.id());
        return new Changed(
                send(new AddSanctionRule(guild, body.toRule(id), caller.actor(), Instant.now())), id.value());
    }

    @PutMapping("/rules/{rule}")
    Changed changeRule(
            @PathVariable GuildId guild,
            @PathVariable RuleId rule,
            @RequestBody RuleRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        return new Changed(
                send(new ChangeSanctionRule(guild, body.toRule(rule), caller.actor(), Instant.now())), rule.value());
    }

    @PostMapping("/rules/{rule}/enable")
    Changed enable(@PathVariable GuildId guild, @PathVariable RuleId rule, @AuthenticationPrincipal ApiCaller caller) {
        return new Changed(
                send(new SetSanctionRuleEnabled(guild, rule, true, caller.actor(), Instant.now())), rule.value());
    }

    @PostMapping("/rules/{rule}/disable")
    Changed disable(@PathVariable GuildId guild, @PathVariable RuleId rule, @AuthenticationPrincipal ApiCaller caller) {
        return new Changed(
                send(new SetSanctionRuleEnabled(guild, rule, false, caller.actor(), Instant.now())), rule.value());
    }

    @DeleteMapping("/rules/{rule}")
    Changed removeRule(
            @PathVariable GuildId guild, @PathVariable RuleId rule, @AuthenticationPrincipal ApiCaller caller) {
        return new Changed(send(new RemoveSanctionRule(guild, rule, caller.actor(), Instant.now())), rule.value());
    }

    private long send(PolicyCommand command) {
        return editor.change(command);
    }
}
