package warden.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import warden.automod.AutomodSettings;
import warden.common.GuildId;
import warden.sanctions.RuleId;
import warden.sanctions.SanctionRule;
import warden.sanctions.SanctionRules;

/**
 * A guild's whole policy at one version: automod settings, sanction rules, moderation settings and the premium flag. The
 * {@code GuildPolicy} aggregate and every reader fold the same events with {@link #apply(PolicyEvent)}, so they
 * can never disagree on what a version means.
 */
public record PolicyDocument(
        GuildId guild,
        long version,
        boolean premium,
        AutomodSettings automod,
        List<SanctionRule> rules,
        ModerationSettings moderation) {

    public PolicyDocument {
        if (automod == null) automod = AutomodSettings.defaults();
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (moderation == null) moderation = ModerationSettings.defaults();
    }

    public PolicyDocument(
            GuildId guild, long version, boolean premium, AutomodSettings automod, List<SanctionRule> rules) {
        this(guild, version, premium, automod, rules, null);
    }

    public static PolicyDocument initial(GuildId guild) {
        return new PolicyDocument(guild, 0, false, AutomodSettings.defaults(), List.of(), null);
    }

    public SanctionRules sanctionRules() {
        return new SanctionRules(version, rules);
    }

    public Optional<SanctionRule> rule(RuleId id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public PolicyDocument apply(PolicyEvent event) {
        if (event instanceof AutomodConfigured e) {
            return new PolicyDocument(guild, e.version(), premium, e.settings(), rules, moderation);
        }
        if (event instanceof SanctionRuleAdded e) {
            List<SanctionRule> next = new ArrayList<>(rules);
            next.add(e.rule());
            return new PolicyDocument(guild, e.version(), premium, automod, next, moderation);
        }
        if (event instanceof SanctionRuleChanged e) {
            return new PolicyDocument(
                    guild, e.version(), premium, automod, replace(e.after().id(), e.after()), moderation);
        }
        if (event instanceof SanctionRuleEnabledChanged e) {
            SanctionRule rule = rule(e.rule()).orElseThrow().withEnabled(e.enabled());
            return new PolicyDocument(guild, e.version(), premium, automod, replace(e.rule(), rule), moderation);
        }
        if (event instanceof SanctionRuleRemoved e) {
            return new PolicyDocument(
                    guild,
                    e.version(),
                    premium,
                    automod,
                    rules.stream().filter(r -> !r.id().equals(e.rule())).toList(),
                    moderation);
        }
        if (event instanceof PremiumChanged e) {
            return new PolicyDocument(guild, e.version(), e.premium(), automod, rules, moderation);
        }
        if (event instanceof ModerationConfigured e) {
            return new PolicyDocument(guild, e.version(), premium, automod, rules, e.settings());
        }
        throw new IllegalArgumentException(
                "not a policy event: " + event.getClass().getName());
    }

    private List<SanctionRule> replace(RuleId id, SanctionRule replacement) {
        return rules.stream().map(r -> r.id().equals(id) ? replacement : r).toList();
    }
}
