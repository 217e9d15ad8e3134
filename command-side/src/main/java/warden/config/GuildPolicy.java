package warden.config;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import warden.automod.AutomodModule;
import warden.automod.AutomodSettings;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.common.InvalidValueException;
import warden.sanctions.RuleLimits;
import warden.sanctions.SanctionRule;

/**
 * A guild's policy: automod settings, automatic sanction rules, premium flag. Every change is an event carrying
 * the new version; {@link PolicyDocument} holds the state, so readers fold events exactly as this aggregate does.
 */
@Aggregate
public class GuildPolicy {

    @AggregateIdentifier
    private String id;

    private PolicyDocument policy;

    protected GuildPolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ConfigureAutomod cmd) {
        PolicyDocument current = current(cmd.guild());
        if (cmd.expectedVersion() != null && cmd.expectedVersion() != current.version()) {
            throw new CommandRefusedException("error.policy.versionConflict", cmd.expectedVersion(), current.version());
        }
        AutomodSettings next = cmd.settings();
        if (!current.premium() && !next.invites().immuneServers().isEmpty()) {
            throw InvalidValueException.forField("invites.immuneServers", "error.automod.premiumOnly");
        }
        List<String> changed = changedModules(current.automod(), next);
        if (!changed.isEmpty()) {
            apply(new AutomodConfigured(cmd.guild(), next, changed, current.version() + 1, cmd.by(), cmd.occurredAt()));
        }
        return version(cmd.guild());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(AddSanctionRule cmd) {
        PolicyDocument current = current(cmd.guild());
        if (current.rule(cmd.rule().id()).isPresent()) {
            throw new CommandRefusedException("error.rule.duplicate", cmd.rule().id());
        }
        int max = RuleLimits.maxRules(current.premium());
        if (current.rules().size() >= max) throw new CommandRefusedException("error.rule.limit", max);
        apply(new SanctionRuleAdded(cmd.guild(), cmd.rule(), current.version() + 1, cmd.by(), cmd.occurredAt()));
        return version(cmd.guild());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ChangeSanctionRule cmd) {
        PolicyDocument policy = current(cmd.guild());
        SanctionRule before = policy.rule(cmd.rule().id())
                .orElseThrow(() -> new CommandRefusedException(
                        "error.rule.unknown", cmd.rule().id()));
        if (!before.equals(cmd.rule())) {
            apply(new SanctionRuleChanged(
                    cmd.guild(), before, cmd.rule(), policy.version() + 1, cmd.by(), cmd.occurredAt()));
        }
        return version(cmd.guild());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetSanctionRuleEnabled cmd) {
        PolicyDocument policy = current(cmd.guild());
        SanctionRule rule = policy.rule(cmd.rule())
                .orElseThrow(() -> new CommandRefusedException("error.rule.unknown", cmd.rule()));
        if (rule.enabled() != cmd.enabled()) {
            apply(new SanctionRuleEnabledChanged(
                    cmd.guild(), cmd.rule(), cmd.enabled(), policy.version() + 1, cmd.by(), cmd.occurredAt()));
        }
        return version(cmd.guild());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RemoveSanctionRule cmd) {
        PolicyDocument policy = current(cmd.guild());
        if (policy.rule(cmd.rule()).isEmpty()) throw new CommandRefusedException("error.rule.unknown", cmd.rule());
        apply(new SanctionRuleRemoved(cmd.guild(), cmd.rule(), policy.version() + 1, cmd.by(), cmd.occurredAt()));
        return version(cmd.guild());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ConfigureModeration cmd) {
        PolicyDocument current = current(cmd.guild());
        if (cmd.expectedVersion() != null && cmd.expectedVersion() != current.version()) {
            throw new CommandRefusedException("error.policy.versionConflict", cmd.expectedVersion(), current.version());
        }
        if (!current.moderation().equals(cmd.settings())) {
            apply(new ModerationConfigured(
                    cmd.guild(), cmd.settings(), current.version() + 1, cmd.by(), cmd.occurredAt()));
        }
        return version(cmd.guild());
    }

    /** A whole server's reset is recorded once here; {@code GuildSanctionsResetProcess} carries it to each member. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(warden.sanctions.ResetGuildSanctions cmd) {
        apply(new warden.sanctions.GuildSanctionsReset(
                cmd.guild(), cmd.resetId(), cmd.by(), cmd.reason(), cmd.occurredAt()));
        return cmd.resetId();
    }

    /** Turning premium off keeps existing rules; only new ones are refused beyond the regular limit. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetPremium cmd) {
        PolicyDocument current = current(cmd.guild());
        if (current.premium() != cmd.premium()) {
            apply(new PremiumChanged(cmd.guild(), cmd.premium(), current.version() + 1, cmd.by(), cmd.occurredAt()));
        }
        return version(cmd.guild());
    }

    /** Every command answers with the policy version it left, so an editor can send it back as expectedVersion. */
    private long version(GuildId guild) {
        return current(guild).version();
    }

    private PolicyDocument current(GuildId guild) {
        return policy != null ? policy : PolicyDocument.initial(guild);
    }

    static List<String> changedModules(AutomodSettings before, AutomodSettings after) {
        List<String> changed = new ArrayList<>();
        for (AutomodModule module : AutomodModule.values()) {
            if (!Objects.equals(before.module(module), after.module(module))) changed.add(module.key());
        }
        if (!Objects.equals(before.userContent(), after.userContent())) changed.add("userContent");
        return changed;
    }

    @EventSourcingHandler
    void on(warden.sanctions.GuildSanctionsReset event) {
        id = GuildPolicyId.of(event.guild());
    }

    @EventSourcingHandler
    void on(PolicyEvent event) {
        id = GuildPolicyId.of(event.guild());
        policy = current(event.guild()).apply(event);
    }
}
