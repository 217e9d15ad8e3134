package warden.federation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.common.UserId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.DiscordGuilds;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;
import warden.discord.ShardSlice;
import warden.discord.ShardedSideEffect;
import warden.discord.SideEffectProcessors;
import warden.platform.Commands;
import warden.sanctions.DiscordActRecorded;
import warden.sanctions.SanctionKind;

/**
 * A ban made on Discord without Warden, in a server that may publish to its federation, is offered to the shared ban
 * list: a message in the server's federation channel says who was banned, by whom and why, with a button that a member
 * allowed to ban presses to share it. Bans the federation itself enforced are not offered back.
 */
@Component
@ConditionalOnDiscord
@ShardedSideEffect("federation-offers")
public class FederationOffers extends ListenerAdapter implements SideEffectProcessors.SliceHandlers {

    private static final Logger log = LoggerFactory.getLogger(FederationOffers.class);
    static final String BUTTON = "fedshare";

    private final FederationEnforcer federations;
    private final DiscordGuilds guilds;
    private final Commands commands;
    private final GuildTexts texts;
    private final GuildWork work;

    FederationOffers(
            FederationEnforcer federations, DiscordGuilds guilds, Commands commands, GuildTexts texts, GuildWork work) {
        this.federations = federations;
        this.guilds = guilds;
        this.commands = commands;
        this.texts = texts;
        this.work = work;
    }

    @Override
    public SideEffectProcessors.SliceHandler slice(ShardSlice slice, String processor) {
        return new Slice(slice, processor, this);
    }

    @DisallowReplay
    record Slice(ShardSlice slice, String processor, FederationOffers offers)
            implements SideEffectProcessors.SliceHandler {
        @EventHandler
        void on(DiscordActRecorded e) {
            if (slice.holds(e.guild())) offers.offer(e);
        }
    }

    void offer(DiscordActRecorded e) {
        if (e.sanction().kind() != SanctionKind.BAN || e.sanctionId().value().startsWith("discord:federation:")) return;
        FederationView view = federations.federationOf(e.guild());
        if (view.federationId() == null) return;
        FederationView.Partner partner = view.partner(e.guild().toString());
        if (partner == null || !partner.publish() || partner.suspended()) return;
        String user = e.member().user().toString();
        if (view.entries().stream().anyMatch(entry -> entry.user().equals(user))) return; // listed already
        Guild guild = guilds.find(e.guild()).orElse(null);
        if (guild == null) return;
        GuildMessageChannel channel = partner.alertChannel() == null
                ? guild.getSystemChannel()
                : guild.getChannelById(GuildMessageChannel.class, partner.alertChannel());
        if (channel == null) return;
        String text = texts.in(
                guild,
                "federation.offer",
                "<@" + user + ">",
                who(e.by()),
                e.reason() == null ? "—" : e.reason(),
                view.name());
        channel.sendMessage(text)
                .setComponents(ActionRow.of(Button.primary(
                        BUTTON + ":" + view.federationId() + ":" + user, texts.in(guild, "federation.offer.button"))))
                .setAllowedMentions(List.of())
                .complete();
    }

    private static String who(Actor by) {
        return by.kind() == Actor.Kind.DISCORD && !by.id().equals("unknown") ? "<@" + by.id() + ">" : by.toString();
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String[] parts = event.getComponentId().split(":");
        if (parts.length != 3 || !parts[0].equals(BUTTON) || event.getGuild() == null || event.getMember() == null)
            return;
        event.deferReply(true).queue();
        Guild guild = event.getGuild();
        work.run(guild.getIdLong(), "federation offer", () -> {
            String answer;
            try {
                answer = share(event, guild, parts[1], parts[2]);
            } catch (LocalizedException | org.axonframework.commandhandling.CommandExecutionException e) {
                String refusal = texts.refusal(event.getUserLocale(), e);
                answer = refusal != null ? refusal : texts.in(event.getUserLocale(), "error.internal");
            }
            event.getHook()
                    .editOriginal(answer)
                    .setAllowedMentions(List.of())
                    .queue(null, error -> log.debug("Not answered: {}", error.getMessage()));
        });
    }

    private String share(ButtonInteractionEvent event, Guild guild, String federationId, String user) {
        if (!event.getMember().hasPermission(Permission.BAN_MEMBERS))
            return texts.in(event.getUserLocale(), "federation.button.notAllowed");
        // The reason Discord holds now, not the one in the offer: a moderator may have written it after banning.
        Guild.Ban ban = guild.retrieveBan(net.dv8tion.jda.api.entities.UserSnowflake.fromId(user))
                .onErrorMap(error -> null)
                .complete();
        if (ban == null) return texts.in(event.getUserLocale(), "federation.offer.gone", "<@" + user + ">");
        String given = ban.getReason();
        String reason = given == null || given.isBlank()
                ? texts.stored("federation.offer.reason", guild.getName())
                : given.length() > PublishBan.MAX_REASON ? given.substring(0, PublishBan.MAX_REASON) : given;
        String entryId = commands.sendAndWait(new PublishBan(
                federationId,
                UUID.randomUUID().toString().substring(0, 8),
                GuildId.of(guild.getIdLong()),
                UserId.of(user),
                reason,
                List.of(),
                Actor.moderator(UserId.of(event.getUser().getIdLong())),
                Instant.now()));
        return texts.in(
                event.getUserLocale(),
                "command.federation.published",
                "<@" + user + ">",
                entryId,
                federations.federationOf(GuildId.of(guild.getIdLong())).name());
    }
}
