package warden.automod;

import static warden.discord.SlashCommandCatalog.choices;
import static warden.discord.SlashCommandCatalog.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.Durations;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.RoleId;
import warden.common.UserId;
import warden.config.AddSanctionRule;
import warden.config.ConfigureAutomod;
import warden.config.ConfigureModeration;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.config.PolicyDocument;
import warden.config.PolicyEditor;
import warden.config.RemoveSanctionRule;
import warden.config.SetSanctionRuleEnabled;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.SlashCommands;
import warden.sanctions.InfractionType;
import warden.sanctions.RuleId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionRule;
import warden.sanctions.SanctionSpec;

/**
 * {@code /automod}, {@code /config} and {@code /sanction-rule}: each change reads the guild's current policy and sends
 * it back with its version, so two admins editing at once cannot silently overwrite each other.
 */
@Component
@ConditionalOnDiscord
public class AutomodCommands implements SlashCommands {

    /** {@code /config moderation ...} edits the moderation settings, the other sections the automod document. */
    static final String MODERATION = "moderation";

    private final PolicyEditor editor;
    private final GuildPolicies policies;
    private final GuildTexts texts;

    AutomodCommands(PolicyEditor editor, GuildPolicies policies, GuildTexts texts) {
        this.editor = editor;
        this.policies = policies;
        this.texts = texts;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(
                command("automod", Permission.MANAGE_SERVER)
                        .addSubcommands(
                                new SubcommandData("enable", "Enable").addOptions(moduleOption()),
                                new SubcommandData("disable", "Disable").addOptions(moduleOption()),
                                new SubcommandData("silent", "Silent")
                                        .addOptions(
                                                moduleOption(), new OptionData(OptionType.BOOLEAN, "on", "On", true)),
                                new SubcommandData("ignore-channel", "Ignore channel")
                                        .addOptions(
                                                moduleOption(),
                                                new OptionData(OptionType.CHANNEL, "channel", "Channel", true)),
                                new SubcommandData("ignore-role", "Ignore role")
                                        .addOptions(
                                                moduleOption(), new OptionData(OptionType.ROLE, "role", "Role", true)),
                                new SubcommandData("add-words", "Add words")
                                        .addOption(OptionType.STRING, "words", "Words", true),
                                new SubcommandData("remove-words", "Remove words")
                                        .addOption(OptionType.STRING, "words", "Words", true),
                                new SubcommandData("show", "Show")),
                command("config", Permission.MANAGE_SERVER)
                        .addOptions(
                                choices(
                                        new OptionData(OptionType.STRING, "module", "Module", true),
                                        null,
                                        java.util.stream.Stream.concat(
                                                        AutomodOptions.sections().stream(),
                                                        java.util.stream.Stream.of(MODERATION))
                                                .toArray(String[]::new)),
                                new OptionData(OptionType.STRING, "option", "Option", true, true),
                                new OptionData(OptionType.STRING, "value", "Value", true, true)),
                command("sanction-rule", Permission.MANAGE_SERVER)
                        .addSubcommands(
                                new SubcommandData("add", "Add")
                                        .addOptions(
                                                choices(
                                                        new OptionData(
                                                                OptionType.STRING, "infraction", "Infraction", true),
                                                        "any",
                                                        Arrays.stream(InfractionType.values())
                                                                .map(t ->
                                                                        t.name().toLowerCase(Locale.ROOT))
                                                                .toArray(String[]::new)),
                                                new OptionData(OptionType.INTEGER, "threshold", "Threshold", true)
                                                        .setRequiredRange(1, 100),
                                                new OptionData(OptionType.STRING, "window", "Window", true),
                                                choices(
                                                        new OptionData(OptionType.STRING, "sanction", "Sanction", true),
                                                        null,
                                                        Arrays.stream(SanctionKind.values())
                                                                .filter(k -> k != SanctionKind.UNBAN)
                                                                .map(k ->
                                                                        k.name().toLowerCase(Locale.ROOT))
                                                                .toArray(String[]::new)),
                                                new OptionData(OptionType.STRING, "duration", "Duration")),
                                new SubcommandData("remove", "Remove").addOption(OptionType.STRING, "id", "Id", true),
                                new SubcommandData("enable", "Enable").addOption(OptionType.STRING, "id", "Id", true),
                                new SubcommandData("disable", "Disable").addOption(OptionType.STRING, "id", "Id", true),
                                new SubcommandData("list", "List")));
    }

    private static OptionData moduleOption() {
        return choices(
                new OptionData(OptionType.STRING, "module", "Module", true),
                null,
                Arrays.stream(AutomodModule.values()).map(AutomodModule::key).toArray(String[]::new));
    }

    @Override
    public String run(SlashCommandInteractionEvent event) {
        GuildId guild = GuildId.of(event.getGuild().getIdLong());
        Actor admin = Actor.moderator(UserId.of(event.getUser().getIdLong()));
        DiscordLocale locale = event.getUserLocale();
        PolicyDocument policy = policies.current(guild);
        String sub = event.getSubcommandName();
        if (event.getName().equals("sanction-rule")) return rule(event, sub, guild, admin, locale, policy);
        if (event.getName().equals("config")) {
            String section = event.getOption("module").getAsString();
            String option = event.getOption("option").getAsString().strip();
            String value = event.getOption("value").getAsString();
            if (section.equals(MODERATION)) {
                ModerationSettings moderation = AutomodOptions.with(policy.moderation(), MODERATION, option, value);
                long version = editor.change(
                        new ConfigureModeration(guild, moderation, policy.version(), admin, Instant.now()));
                return texts.in(
                        locale,
                        "command.config.done",
                        section + "." + option,
                        String.join(
                                ", ",
                                AutomodOptions.suggestions(moderation, option).stream()
                                        .limit(1)
                                        .toList()),
                        version);
            }
            AutomodSettings next = AutomodOptions.with(policy.automod(), section, option, value);
            long version = editor.change(new ConfigureAutomod(guild, next, policy.version(), admin, Instant.now()));
            return texts.in(
                    locale,
                    "command.config.done",
                    section + "." + option,
                    String.join(
                            ", ",
                            AutomodOptions.suggestions(next, section, option).stream()
                                    .limit(1)
                                    .toList()),
                    version);
        }
        AutomodSettings s = policy.automod();
        AutomodSettings next = switch (sub) {
            case "enable", "disable" ->
                ModuleEdits.edit(
                        s,
                        module(event),
                        c -> new ModuleEdits.Common(
                                sub.equals("enable"), c.silent(), c.ignoredChannels(), c.ignoredRoles()));
            case "silent" ->
                ModuleEdits.edit(
                        s,
                        module(event),
                        c -> new ModuleEdits.Common(
                                c.enabled(),
                                event.getOption("on").getAsBoolean(),
                                c.ignoredChannels(),
                                c.ignoredRoles()));
            case "ignore-channel" ->
                ModuleEdits.edit(
                        s,
                        module(event),
                        c -> new ModuleEdits.Common(
                                c.enabled(),
                                c.silent(),
                                ModuleEdits.toggle(
                                        c.ignoredChannels(),
                                        ChannelId.of(event.getOption("channel")
                                                .getAsChannel()
                                                .getIdLong())),
                                c.ignoredRoles()));
            case "ignore-role" ->
                ModuleEdits.edit(
                        s,
                        module(event),
                        c -> new ModuleEdits.Common(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                ModuleEdits.toggle(
                                        c.ignoredRoles(),
                                        RoleId.of(event.getOption("role")
                                                .getAsRole()
                                                .getIdLong()))));
            case "add-words", "remove-words" ->
                ModuleEdits.with(
                        s, words(s.vocabulary(), event.getOption("words").getAsString(), sub.equals("add-words")));
            case "show" -> null;
            default -> throw new InvalidValueException("command.error.unknown", sub);
        };
        if (next == null) return show(policy, locale);
        long version = editor.change(new ConfigureAutomod(guild, next, policy.version(), admin, Instant.now()));
        return texts.in(locale, "command.automod.done", version);
    }

    /**
     * What {@code /config} proposes for the option being typed: the section's options, or values for the option,
     * those that start with what is typed.
     */
    @Override
    public List<String> proposals(
            net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        return configProposals(event).stream()
                .filter(p -> typed.isEmpty() || p.toLowerCase(Locale.ROOT).startsWith(typed))
                .toList();
    }

    private List<String> configProposals(
            net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent event) {
        if (!event.getName().equals("config")) return List.of();
        var section = event.getOption("module");
        if (section != null && section.getAsString().equals(MODERATION)) {
            if (event.getFocusedOption().getName().equals("option"))
                return AutomodOptions.options(ModerationSettings.class);
            var option = event.getOption("option");
            if (option == null) return List.of();
            return AutomodOptions.suggestions(
                    policies.current(GuildId.of(event.getGuild().getIdLong())).moderation(),
                    option.getAsString().strip());
        }
        if (section == null || !AutomodOptions.sections().contains(section.getAsString())) return List.of();
        if (event.getFocusedOption().getName().equals("option")) return AutomodOptions.options(section.getAsString());
        var option = event.getOption("option");
        if (option == null) return List.of();
        PolicyDocument policy = policies.current(GuildId.of(event.getGuild().getIdLong()));
        return AutomodOptions.suggestions(
                policy.automod(), section.getAsString(), option.getAsString().strip());
    }

    private static AutomodModule module(SlashCommandInteractionEvent event) {
        String key = event.getOption("module").getAsString();
        return Arrays.stream(AutomodModule.values())
                .filter(m -> m.key().equals(key))
                .findFirst()
                .orElseThrow(() -> InvalidValueException.forField("module", "command.error.module", key));
    }

    private static VocabularySettings words(VocabularySettings v, String input, boolean add) {
        Set<String> words = new LinkedHashSet<>(v.words());
        for (String word : input.split(",")) {
            String w = word.strip();
            if (w.isEmpty()) continue;
            if (add) words.add(w);
            else words.remove(w);
        }
        return new VocabularySettings(
                v.enabled(),
                v.silent(),
                v.ignoredChannels(),
                v.ignoredRoles(),
                new ArrayList<>(words),
                v.allowed(),
                v.blockMessages(),
                v.censor());
    }

    private String show(PolicyDocument policy, DiscordLocale locale) {
        String modules = Arrays.stream(AutomodModule.values())
                .map(m -> {
                    var settings = policy.automod().module(m);
                    return texts.in(
                            locale,
                            "command.automod.module",
                            m.key(),
                            texts.in(locale, settings.enabled() ? "command.on" : "command.off"),
                            texts.in(locale, settings.silent() ? "command.on" : "command.off"),
                            settings.ignoredChannels().size(),
                            settings.ignoredRoles().size());
                })
                .collect(Collectors.joining("\n"));
        return texts.in(
                        locale,
                        "command.automod.header",
                        policy.version(),
                        policy.automod().vocabulary().words().size())
                + "\n" + modules;
    }

    private String rule(
            SlashCommandInteractionEvent event,
            String sub,
            GuildId guild,
            Actor admin,
            DiscordLocale locale,
            PolicyDocument policy) {
        switch (sub) {
            case "add" -> {
                String type = event.getOption("infraction").getAsString();
                InfractionType counted =
                        type.equals("any") ? null : InfractionType.valueOf(type.toUpperCase(Locale.ROOT));
                SanctionKind kind = SanctionKind.valueOf(
                        event.getOption("sanction").getAsString().toUpperCase(Locale.ROOT));
                var duration = event.getOption("duration") == null
                        ? null
                        : Durations.parse(event.getOption("duration").getAsString());
                RuleId id = RuleId.of("r" + Long.toString(event.getInteraction().getIdLong(), 36));
                SanctionRule rule = new SanctionRule(
                        id,
                        counted,
                        event.getOption("threshold").getAsInt(),
                        Durations.parse(event.getOption("window").getAsString()),
                        new SanctionSpec(kind, duration),
                        true);
                long version = editor.change(new AddSanctionRule(guild, rule, admin, Instant.now()));
                return texts.in(locale, "command.rule.added", id, version);
            }
            case "remove" -> {
                long version = editor.change(new RemoveSanctionRule(guild, ruleId(event), admin, Instant.now()));
                return texts.in(locale, "command.rule.removed", ruleId(event), version);
            }
            case "enable", "disable" -> {
                long version = editor.change(
                        new SetSanctionRuleEnabled(guild, ruleId(event), sub.equals("enable"), admin, Instant.now()));
                return texts.in(locale, "command.rule.toggled", ruleId(event), version);
            }
            default -> {
                if (policy.rules().isEmpty()) return texts.in(locale, "command.rule.none");
                List<String> lines = policy.rules().stream()
                        .map(r -> texts.in(
                                locale,
                                "command.rule.line",
                                r.id(),
                                r.threshold(),
                                r.countedType() == null
                                        ? "any"
                                        : r.countedType().name().toLowerCase(),
                                Durations.format(r.window()),
                                r.sanction().kind().name().toLowerCase()
                                        + (r.sanction().duration() == null
                                                ? ""
                                                : " "
                                                        + Durations.format(
                                                                r.sanction().duration())),
                                texts.in(locale, r.enabled() ? "command.on" : "command.off")))
                        .toList();
                return String.join("\n", lines);
            }
        }
    }

    private static RuleId ruleId(SlashCommandInteractionEvent event) {
        return RuleId.of(event.getOption("id").getAsString().strip());
    }
}
