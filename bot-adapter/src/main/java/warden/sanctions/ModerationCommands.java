package warden.sanctions;

import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import warden.platform.QueryResults;
import warden.common.Actor;
import warden.common.Durations;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.ledger.ExplainSanction;
import warden.ledger.FindInfractionLog;
import warden.ledger.HistoryEntry;
import warden.ledger.HistoryPage;
import warden.ledger.SanctionExplanation;
import warden.sanctions.ImposeSanction;
import warden.sanctions.InfractionId;
import warden.sanctions.PardonInfraction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionSpec;

import java.time.Instant;
import java.util.stream.Collectors;

/** {@code /warn}, {@code /timeout}, {@code /kick}, {@code /ban}, {@code /unban}, {@code /pardon}, {@code /infractions}, {@code /why}. */
@Component
@ConditionalOnDiscord
public class ModerationCommands {

    private static final int PAGE_SIZE = 10;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final GuildTexts texts;

    ModerationCommands(CommandGateway commands, QueryGateway queries, GuildTexts texts) {
        this.commands = commands;
        this.queries = queries;
        this.texts = texts;
    }

    public String run(SlashCommandInteractionEvent event) {
        DiscordLocale locale = event.getUserLocale();
        GuildId guild = GuildId.of(event.getGuild().getIdLong());
        Actor moderator = Actor.moderator(UserId.of(event.getUser().getIdLong()));
        return switch (event.getName()) {
            case "warn" -> sanction(event, "member", SanctionSpec.of(SanctionKind.WARN), moderator);
            case "timeout" -> sanction(event, "member", SanctionSpec.timeout(Durations.parse(event.getOption("duration").getAsString())), moderator);
            case "kick" -> sanction(event, "member", SanctionSpec.of(SanctionKind.KICK), moderator);
            case "ban" -> sanction(event, "user", SanctionSpec.ban(duration(event.getOption("duration"))), moderator);
            case "unban" -> sanction(event, "user", SanctionSpec.of(SanctionKind.UNBAN), moderator);
            case "pardon" -> {
                User user = event.getOption("member").getAsUser();
                InfractionId infraction = InfractionId.of(event.getOption("infraction").getAsString().strip());
                commands.sendAndWait(new PardonInfraction(key(guild, user), infraction, moderator, reason(event), Instant.now()));
                yield texts.in(locale, "command.pardon.done", infraction, user.getAsMention());
            }
            case "infractions" -> infractions(event, guild, locale);
            case "why" -> why(event, guild, locale);
            default -> texts.in(locale, "command.error.unknown", event.getName());
        };
    }

    private String sanction(SlashCommandInteractionEvent event, String option, SanctionSpec spec, Actor moderator) {
        User user = event.getOption(option).getAsUser();
        // a moderator who ran the same command again (Discord said the application did not respond) gets the first one
        SanctionId id = commands.sendAndWait(new ImposeSanction(key(GuildId.of(event.getGuild().getIdLong()), user),
                SanctionId.of("cmd:" + event.getInteraction().getId()), spec, moderator, reason(event), Instant.now(), null));
        return texts.in(event.getUserLocale(), "command.sanction.done." + spec.kind().name().toLowerCase(), user.getAsMention(), id,
                spec.duration() == null ? "" : Durations.format(spec.duration()));
    }

    private String infractions(SlashCommandInteractionEvent event, GuildId guild, DiscordLocale locale) {
        User user = event.getOption("member").getAsUser();
        int page = event.getOption("page") == null ? 0 : Math.max(0, event.getOption("page").getAsInt() - 1);
        HistoryPage history = QueryResults.join(queries.query(new FindInfractionLog(key(guild, user), null, null, null, page, PAGE_SIZE),
                ResponseTypes.instanceOf(HistoryPage.class)));
        if (history.total() == 0) return texts.in(locale, "command.infractions.none", user.getAsMention());
        long pages = (history.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        String lines = history.entries().stream().map(e -> line(e, locale)).collect(Collectors.joining("\n"));
        return texts.in(locale, "command.infractions.header", user.getAsMention(), history.total(), page + 1, pages) + "\n" + lines;
    }

    private String line(HistoryEntry e, DiscordLocale locale) {
        String what = e.infractionType() != null ? e.infractionType().name().toLowerCase()
                : e.sanctionKind() != null ? e.sanctionKind().name().toLowerCase() : "";
        return texts.in(locale, "command.infractions.line", "<t:" + e.occurredAt().getEpochSecond() + ":f>",
                texts.in(locale, "history." + e.eventType()), what, e.refId(), e.reason() == null ? "" : e.reason(),
                e.pardoned() ? texts.in(locale, "command.infractions.pardoned") : "");
    }

    private String why(SlashCommandInteractionEvent event, GuildId guild, DiscordLocale locale) {
        SanctionId id = SanctionId.of(event.getOption("sanction").getAsString().strip());
        SanctionExplanation x = QueryResults.join(queries.query(new ExplainSanction(guild, id),
                ResponseTypes.instanceOf(SanctionExplanation.class)));
        if (x.rule() == null) {
            return texts.in(locale, "command.why.manual", x.kind().name().toLowerCase(), x.decidedBy(), x.reason() == null ? "-" : x.reason(),
                    x.status());
        }
        String counted = x.counted().stream().map(c -> texts.in(locale, "command.why.counted", c.infractionId(),
                c.type() == null ? "?" : c.type().name().toLowerCase(), c.occurredAt() == null ? "?" : "<t:" + c.occurredAt().getEpochSecond() + ":f>"))
                .collect(Collectors.joining("\n"));
        return texts.in(locale, "command.why.rule", x.kind().name().toLowerCase(), x.rule().ruleId(), x.rule().threshold(),
                x.rule().countedType() == null ? "any" : x.rule().countedType().name().toLowerCase(),
                Durations.format(x.rule().window()), x.rule().policyVersion(), x.status()) + "\n" + counted;
    }

    private static java.time.Duration duration(OptionMapping option) {
        return option == null ? null : Durations.parse(option.getAsString());
    }

    private static String reason(SlashCommandInteractionEvent event) {
        OptionMapping reason = event.getOption("reason");
        return reason == null ? null : reason.getAsString();
    }

    private static MemberKey key(GuildId guild, User user) {
        return new MemberKey(guild, UserId.of(user.getIdLong()));
    }
}
