package warden.automod;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.automod.AutoModResponse;
import net.dv8tion.jda.api.entities.automod.AutoModRule;
import net.dv8tion.jda.api.entities.automod.AutoModTriggerType;
import net.dv8tion.jda.api.entities.automod.build.AutoModRuleData;
import net.dv8tion.jda.api.entities.automod.build.TriggerConfig;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.common.UserId;
import warden.config.AutomodConfigured;
import warden.config.GuildPolicies;
import warden.discord.ConditionalOnDiscord;
import warden.discord.DiscordGuilds;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;
import warden.discord.ShardSlice;
import warden.discord.ShardedSideEffect;
import warden.discord.SideEffectProcessors;

/**
 * Keeps Warden's rules in Discord's native AutoMod in step with the policy, for the modules whose "block messages"
 * option is on: vocabulary (the first 1,000 words), forbidden pings (as patterns), excessive mentions (Discord
 * counts them per message), each with the module's ignored channels and roles as its exemptions. Runs when the
 * settings change and when a guild becomes ready; a rule already as wanted is left alone, so syncing twice changes
 * nothing. A rule Discord refuses is reported ({@link NativeAutoModRefusals}).
 */
@Component
@ConditionalOnDiscord
@ShardedSideEffect("automod-sync")
public class NativeAutoModSync extends ListenerAdapter implements SideEffectProcessors.SliceHandlers {

    private static final Logger log = LoggerFactory.getLogger(NativeAutoModSync.class);
    static final String PREFIX = "Warden · ";
    /** Discord's limits on a keyword rule's regex patterns. */
    private static final int MAX_PATTERNS = 10;

    private static final int MAX_PATTERN_LENGTH = 260;
    private static final int MAX_MENTION_LIMIT = 50;

    private final DiscordGuilds guilds;
    private final GuildPolicies policies;
    private final GuildTexts texts;
    private final GuildWork work;
    private final MeterRegistry meters;
    private final NativeAutoModRefusals refusals;
    /** Rule id -> the module it belongs to, for the execution events. */
    private final Map<Long, AutomodModule> ruleModules = new ConcurrentHashMap<>();

    NativeAutoModSync(
            DiscordGuilds guilds,
            GuildPolicies policies,
            GuildTexts texts,
            GuildWork work,
            MeterRegistry meters,
            NativeAutoModRefusals refusals) {
        this.work = work;
        this.refusals = refusals;
        this.meters = meters;
        this.guilds = guilds;
        this.policies = policies;
        this.texts = texts;
    }

    /** The sync's event handler for the guilds of one shard. */
    @Override
    public SideEffectProcessors.SliceHandler slice(ShardSlice slice, String processor) {
        return new Slice(slice, processor, this);
    }

    @DisallowReplay
    record Slice(ShardSlice slice, String processor, NativeAutoModSync sync)
            implements SideEffectProcessors.SliceHandler {
        @EventHandler
        void on(AutomodConfigured event) {
            if (slice.holds(event.guild()))
                sync.guilds.find(event.guild()).ifPresent(guild -> sync.sync(guild, event.settings()));
        }
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        Guild guild = event.getGuild();
        work.run(
                guild.getIdLong(),
                "automod-sync",
                () -> sync(
                        guild, policies.current(GuildId.of(guild.getIdLong())).automod()));
    }

    /** The module of one of Warden's rules; asks Discord only for a rule this node has not synced itself. */
    CompletableFuture<Optional<AutomodModule>> moduleOf(long ruleId, Guild guild) {
        AutomodModule known = ruleModules.get(ruleId);
        if (known != null) return CompletableFuture.completedFuture(Optional.of(known));
        return guild.retrieveAutoModRules()
                .submit()
                .thenApply(rules -> rules.stream()
                        .filter(r -> r.getIdLong() == ruleId)
                        .findFirst()
                        .flatMap(r -> module(r.getName())));
    }

    /** The name the server gave one of its rules, as Discord has it now (empty when the rule is gone). */
    CompletableFuture<Optional<String>> ruleName(long ruleId, Guild guild) {
        return guild.retrieveAutoModRules()
                .submit()
                .thenApply(rules -> rules.stream()
                        .filter(r -> r.getIdLong() == ruleId)
                        .findFirst()
                        .map(r -> r.getName()));
    }

    private static Optional<AutomodModule> module(String ruleName) {
        if (!ruleName.startsWith(PREFIX)) return Optional.empty();
        String key = ruleName.substring(PREFIX.length());
        for (AutomodModule m : AutomodModule.values()) if (m.key().equals(key)) return Optional.of(m);
        return Optional.empty();
    }

    private record Wanted(
            AutomodModule module,
            AutoModTriggerType trigger,
            List<String> keywords,
            List<String> allow,
            List<String> patterns,
            int mentionLimit,
            Set<Long> exemptChannels,
            Set<Long> exemptRoles) {
        String name() {
            return PREFIX + module.key();
        }

        boolean matches(AutoModRule rule) {
            return rule.getTriggerType() == trigger
                    && Objects.equals(rule.getFilteredKeywords(), keywords)
                    && Objects.equals(rule.getAllowlist(), allow)
                    && Objects.equals(rule.getFilteredRegex(), patterns)
                    && (trigger != AutoModTriggerType.MENTION_SPAM || rule.getMentionLimit() == mentionLimit)
                    && ids(rule.getExemptChannels()).equals(exemptChannels)
                    && ids(rule.getExemptRoles()).equals(exemptRoles);
        }

        private static Set<Long> ids(List<? extends ISnowflake> entities) {
            return entities.stream().map(ISnowflake::getIdLong).collect(Collectors.toSet());
        }

        TriggerConfig config() {
            return switch (trigger) {
                case MENTION_SPAM -> TriggerConfig.mentionSpam(mentionLimit);
                default -> {
                    var keywordConfig = keywords.isEmpty()
                            ? TriggerConfig.patternFilter(patterns)
                            : TriggerConfig.keywordFilter(keywords);
                    if (!allow.isEmpty()) keywordConfig.addAllowList(allow);
                    yield keywordConfig;
                }
            };
        }

        /** The module's ignored channels and roles that still exist on the server. */
        List<GuildChannel> channels(Guild guild) {
            return exemptChannels.stream()
                    .map(guild::getGuildChannelById)
                    .filter(Objects::nonNull)
                    .toList();
        }

        List<Role> roles(Guild guild) {
            return exemptRoles.stream()
                    .map(guild::getRoleById)
                    .filter(Objects::nonNull)
                    .toList();
        }

        AutoModRuleData data(Guild guild) {
            return AutoModRuleData.onMessage(name(), config())
                    .putResponses(AutoModResponse.blockMessage())
                    .setExemptChannels(channels(guild))
                    .setExemptRoles(roles(guild));
        }
    }

    /**
     * Brings Warden's rules in the guild to what the settings want: a rule already as wanted is left alone, one that
     * differs is edited in place, a missing one is created, one no longer wanted is deleted. Each rule is synced on
     * its own: Discord refusing one (its cap of rules per type reached by the server's own rules, a missing
     * permission) leaves the others synced and Warden's own detection in charge of that module.
     */
    synchronized void sync(Guild guild, AutomodSettings settings) {
        long self = guild.getJDA().getSelfUser().getIdLong();
        Map<String, AutoModRule> ours = new java.util.HashMap<>();
        try {
            for (AutoModRule rule : guild.retrieveAutoModRules().complete()) {
                if (rule.getName().startsWith(PREFIX) && rule.getCreatorIdLong() == self)
                    ours.put(rule.getName(), rule);
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the native AutoMod rules of guild {}: {}", guild.getId(), e.getMessage());
            return;
        }
        for (Wanted w : wanted(settings)) {
            AutoModRule rule = ours.remove(w.name());
            try {
                if (rule == null) {
                    AutoModRule created = guild.createAutoModRule(w.data(guild))
                            .reason(texts.in(guild, "audit.automodSync.created"))
                            .complete();
                    ruleModules.put(created.getIdLong(), w.module());
                } else {
                    if (!w.matches(rule)) {
                        guild.modifyAutoModRuleById(rule.getIdLong())
                                .setTriggerConfig(w.config())
                                .setExemptChannels(w.channels(guild))
                                .setExemptRoles(w.roles(guild))
                                .reason(texts.in(guild, "audit.automodSync.changed"))
                                .complete();
                    }
                    ruleModules.put(rule.getIdLong(), w.module());
                }
                refusals.synced(guild.getIdLong(), w.module());
            } catch (RuntimeException e) {
                refused(guild, w.module(), e);
            }
        }
        for (AutoModRule stale : ours.values()) {
            try {
                guild.deleteAutoModRuleById(stale.getIdLong())
                        .reason(texts.in(guild, "audit.automodSync.removed"))
                        .complete();
                ruleModules.remove(stale.getIdLong());
            } catch (RuntimeException e) {
                refused(guild, null, e);
            }
        }
    }

    private void refused(Guild guild, AutomodModule module, RuntimeException e) {
        meters.counter("warden.automod.sync.refused", "module", module == null ? "stale" : module.key())
                .increment();
        if (module != null) refusals.refused(guild, module, e.getMessage());
        log.warn(
                "Discord refused Warden's native AutoMod rule{} in guild {}: {} (Warden's own detection stays in charge)",
                module == null ? "" : " for " + module.key(),
                guild.getId(),
                e.getMessage());
    }

    static List<Wanted> wanted(AutomodSettings s) {
        List<Wanted> wanted = new ArrayList<>();
        if (s.vocabulary().enabled()
                && s.vocabulary().blockMessages()
                && !s.vocabulary().words().isEmpty()) {
            NativeAutomodKeywords k = NativeAutomodKeywords.of(s.vocabulary());
            wanted.add(new Wanted(
                    AutomodModule.VOCABULARY,
                    AutoModTriggerType.KEYWORD,
                    k.keywords(),
                    k.allowList(),
                    List.of(),
                    0,
                    channelIds(s.vocabulary()),
                    roleIds(s.vocabulary())));
        }
        if (s.pings().enabled() && s.pings().blockMessages()) {
            List<String> patterns = pingPatterns(
                    s.pings().forbiddenMembers().stream().map(UserId::toString).toList(),
                    s.pings().forbiddenRoles().stream().map(RoleId::toString).toList());
            if (!patterns.isEmpty()) {
                wanted.add(new Wanted(
                        AutomodModule.PINGS,
                        AutoModTriggerType.KEYWORD,
                        List.of(),
                        List.of(),
                        patterns,
                        0,
                        channelIds(s.pings()),
                        roleIds(s.pings())));
            }
        }
        if (s.mentions().enabled() && s.mentions().blockMessages()) {
            wanted.add(new Wanted(
                    AutomodModule.MENTIONS,
                    AutoModTriggerType.MENTION_SPAM,
                    List.of(),
                    List.of(),
                    List.of(),
                    Math.min(s.mentions().limit(), MAX_MENTION_LIMIT),
                    channelIds(s.mentions()),
                    roleIds(s.mentions())));
        }
        return wanted;
    }

    /** A module's ignored channels become its rule's exempt channels (the policy keeps them within Discord's 50). */
    private static Set<Long> channelIds(ModuleSettings settings) {
        return settings.ignoredChannels().stream()
                .map(ChannelId::value)
                .limit(AutomodLimits.NATIVE_MAX_EXEMPT_CHANNELS)
                .collect(Collectors.toSet());
    }

    private static Set<Long> roleIds(ModuleSettings settings) {
        return settings.ignoredRoles().stream()
                .map(RoleId::value)
                .limit(AutomodLimits.NATIVE_MAX_EXEMPT_ROLES)
                .collect(Collectors.toSet());
    }

    /** {@code <@!?(?:1|2)>} and {@code <@&(?:3|4)>}, split to fit Discord's pattern limits. */
    static List<String> pingPatterns(List<String> members, List<String> roles) {
        List<String> patterns = new ArrayList<>();
        pack("<@!?(?:", members, patterns);
        pack("<@&(?:", roles, patterns);
        return patterns.size() > MAX_PATTERNS ? patterns.subList(0, MAX_PATTERNS) : patterns;
    }

    private static void pack(String prefix, List<String> ids, List<String> out) {
        StringBuilder current = new StringBuilder();
        for (String id : ids) {
            if (current.length() > 0 && prefix.length() + current.length() + id.length() + 3 > MAX_PATTERN_LENGTH) {
                out.add(prefix + current + ")>");
                current.setLength(0);
            }
            if (current.length() > 0) current.append('|');
            current.append(id);
        }
        if (current.length() > 0) out.add(prefix + current + ")>");
    }
}
