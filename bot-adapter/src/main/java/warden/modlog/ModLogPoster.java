package warden.modlog;

import jakarta.annotation.PreDestroy;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.Durations;
import warden.common.GuildId;
import warden.common.Texts;
import warden.config.GuildPolicies;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.ledger.CaseView;
import warden.ledger.FindCaseViews;
import warden.platform.QueryResults;

/**
 * Posts the queued cases of the servers this node holds to their moderation log channel, once a second: a case new to
 * the log gets its own post (a burst of them shares posts, {@value #GROUP} cases each), a case posted before has its
 * post edited. A case is taken off the queue once posted; one whose read model is not written yet waits for the next
 * round. Missing permissions in the channel: the owner is told once (per node run), the case dropped, nothing else
 * blocked.
 */
@Component
@ConditionalOnDiscord
class ModLogPoster {

    private static final Logger log = LoggerFactory.getLogger(ModLogPoster.class);
    /** More new cases than this in one round are a burst: posted together. */
    static final int ALONE = 3;
    /** Cases in one grouped post (an embed's description holds 4,096 characters). */
    static final int GROUP = 20;

    private final JdbcClient db;
    private final QueryGateway queries;
    private final GuildPolicies policies;
    private final GuildTexts texts;
    private final ShardManager shards;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mod-log");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Long> told = ConcurrentHashMap.newKeySet();
    private final Environment environment;

    ModLogPoster(
            JdbcClient db,
            QueryGateway queries,
            GuildPolicies policies,
            GuildTexts texts,
            @Lazy ShardManager shards,
            Environment environment) {
        this.environment = environment;
        this.db = db;
        this.queries = queries;
        this.policies = policies;
        this.texts = texts;
        this.shards = shards;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        rounds.scheduleWithFixedDelay(this::round, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        rounds.shutdownNow();
    }

    void round() {
        try {
            for (Long guildId : db.sql("select distinct guild_id from modlog_outbox")
                    .query(Long.class)
                    .list()) {
                Guild guild = shards.getGuildById(guildId);
                if (guild != null) post(guild); // another node holds it, or it is not ready yet
            }
        } catch (RuntimeException e) {
            log.warn("Moderation log round failed, retried in a second: {}", e.toString());
        }
    }

    private void post(Guild guild) {
        GuildId id = GuildId.of(guild.getIdLong());
        List<Map<String, Object>> queued = db.sql(
                        "select event_id, ref_id, queued_at from modlog_outbox where guild_id = ? order by queued_at limit 500")
                .param(guild.getIdLong())
                .query()
                .listOfRows();
        List<String> refs =
                queued.stream().map(r -> (String) r.get("ref_id")).distinct().toList();
        Map<String, CaseView> views = new LinkedHashMap<>();
        for (CaseView view : QueryResults.join(
                queries.query(new FindCaseViews(id, refs), ResponseTypes.multipleInstancesOf(CaseView.class)))) {
            views.merge(view.refId(), view, (a, b) -> a.kind().equals("sanction") ? a : b);
        }
        String channelId = policies.current(id).moderation().modLogChannel();
        GuildMessageChannel channel =
                channelId == null ? null : guild.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            tellOnce(guild, channelId);
            drop(queued, refs);
            return;
        }
        List<String> done = new ArrayList<>();
        List<CaseView> fresh = new ArrayList<>();
        Map<Long, Boolean> toEdit = new LinkedHashMap<>();
        for (String ref : refs) {
            CaseView view = views.get(ref);
            if (view == null || view.number() == null) continue; // the read models or the numbering are a moment behind
            Map<String, Object> posted = posted(guild.getIdLong(), ref);
            if (posted == null) fresh.add(view);
            else toEdit.put(((Number) posted.get("message_id")).longValue(), (Boolean) posted.get("grouped"));
            done.add(ref);
        }
        try {
            for (Map.Entry<Long, Boolean> message : toEdit.entrySet()) {
                channel.editMessageEmbedsById(
                                message.getKey(),
                                message.getValue()
                                        ? grouped(guild, viewsOf(id, postedRefs(guild.getIdLong(), message.getKey())))
                                        : single(
                                                guild,
                                                viewsOf(id, postedRefs(guild.getIdLong(), message.getKey()))
                                                        .get(0)))
                        .complete();
            }
            if (fresh.size() <= ALONE) {
                for (CaseView view : fresh) {
                    long message = channel.sendMessageEmbeds(single(guild, view))
                            .setAllowedMentions(List.of())
                            .complete()
                            .getIdLong();
                    remember(guild.getIdLong(), List.of(view), channel.getIdLong(), message, false);
                }
            } else {
                for (int from = 0; from < fresh.size(); from += GROUP) {
                    List<CaseView> group = fresh.subList(from, Math.min(fresh.size(), from + GROUP));
                    long message = channel.sendMessageEmbeds(grouped(guild, group))
                            .setAllowedMentions(List.of())
                            .complete()
                            .getIdLong();
                    remember(guild.getIdLong(), group, channel.getIdLong(), message, true);
                }
            }
        } catch (InsufficientPermissionException e) {
            tellOnce(guild, channelId);
        } catch (ErrorResponseException e) {
            if (e.isServerError()) return; // Discord is down: everything stays queued for the next round
            tellOnce(guild, channelId);
        }
        drop(queued, done);
        // a case whose read model never came (an event Warden does not log) does not wait for ever
        List<String> stale = queued.stream()
                .filter(r -> ((java.sql.Timestamp) r.get("queued_at"))
                        .toInstant()
                        .isBefore(Instant.now().minusSeconds(60)))
                .map(r -> (String) r.get("ref_id"))
                .toList();
        drop(queued, stale);
    }

    private List<CaseView> viewsOf(GuildId guild, List<String> refs) {
        Map<String, CaseView> views = new LinkedHashMap<>();
        for (CaseView view : QueryResults.join(
                queries.query(new FindCaseViews(guild, refs), ResponseTypes.multipleInstancesOf(CaseView.class)))) {
            views.merge(view.refId(), view, (a, b) -> a.kind().equals("sanction") ? a : b);
        }
        return refs.stream().map(views::get).filter(java.util.Objects::nonNull).toList();
    }

    private Map<String, Object> posted(long guild, String ref) {
        return db
                .sql("select message_id, grouped from modlog_post where guild_id = ? and ref_id = ?")
                .params(guild, ref)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private List<String> postedRefs(long guild, long message) {
        return db.sql("select ref_id from modlog_post where guild_id = ? and message_id = ? order by ref_id")
                .params(guild, message)
                .query(String.class)
                .list();
    }

    private void remember(long guild, List<CaseView> cases, long channel, long message, boolean grouped) {
        for (CaseView view : cases) {
            db.sql(
                            "insert into modlog_post(guild_id, ref_id, channel_id, message_id, grouped) values (?,?,?,?,?) on conflict do nothing")
                    .params(guild, view.refId(), channel, message, grouped)
                    .update();
        }
    }

    private void drop(List<Map<String, Object>> queued, List<String> refs) {
        for (Map<String, Object> row : queued) {
            if (refs.contains(row.get("ref_id"))) {
                db.sql("delete from modlog_outbox where event_id = ?")
                        .param(row.get("event_id"))
                        .update();
            }
        }
    }

    MessageEmbed single(Guild guild, CaseView view) {
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(
                        texts.in(
                                guild,
                                "modlog.title",
                                view.number(),
                                texts.in(guild, "modlog.what." + view.kind(), view.what())),
                        panelLink(guild, view))
                .setColor(color(view))
                .addField(texts.in(guild, "modlog.member"), "<@" + view.userId() + ">", true)
                .addField(texts.in(guild, "modlog.by"), who(guild, view.by()), true)
                .addField(texts.in(guild, "modlog.status"), texts.in(guild, "modlog.status." + view.status()), true)
                .setFooter(view.refId())
                .setTimestamp(view.at());
        if (view.reason() != null)
            embed.addField(texts.in(guild, "modlog.reason"), Texts.fit(view.reason(), 1024), false);
        if (view.durationSeconds() != null) {
            embed.addField(
                    texts.in(guild, "modlog.duration"),
                    Durations.format(java.time.Duration.ofSeconds(view.durationSeconds())),
                    true);
        }
        if (view.expiresAt() != null)
            embed.addField(
                    texts.in(guild, "modlog.until"), "<t:" + view.expiresAt().getEpochSecond() + ":f>", true);
        if (view.statusReason() != null)
            embed.addField(texts.in(guild, "modlog.outcome"), Texts.fit(view.statusReason(), 1024), false);
        if (view.images() > 0) embed.addField(texts.in(guild, "modlog.evidence"), String.valueOf(view.images()), true);
        return embed.build();
    }

    /**
     * Where the panel shows the case, when the operator says where the panel is ({@code warden.panel.public-url}):
     * a sanction's explanation, or the member's log with the case marked. Read when posting, not at start, so that a
     * value naming the server's own port (the sandbox's) is known by then.
     */
    String panelLink(Guild guild, CaseView view) {
        String base = environment.getProperty("warden.panel.public-url", "").strip();
        if (base.isEmpty()) return null;
        String guildPanel = base.replaceAll("/+$", "") + "/panel/guilds/" + guild.getId();
        if (view.kind().equals("sanction"))
            return guildPanel + "/sanctions/" + java.net.URLEncoder.encode(view.refId(), StandardCharsets.UTF_8);
        return guildPanel + "/members?user=" + view.userId() + (view.number() == null ? "" : "&case=" + view.number());
    }

    MessageEmbed grouped(Guild guild, List<CaseView> cases) {
        StringBuilder lines = new StringBuilder();
        for (CaseView view : cases) {
            String line = texts.in(
                    guild,
                    "modlog.line",
                    view.number(),
                    texts.in(guild, "modlog.what." + view.kind(), view.what()),
                    "<@" + view.userId() + ">",
                    view.reason() == null ? "" : Texts.fit(view.reason(), 80),
                    texts.in(guild, "modlog.status." + view.status()));
            if (lines.length() + line.length() + 1 > MessageEmbed.DESCRIPTION_MAX_LENGTH) break;
            lines.append(line).append('\n');
        }
        return new EmbedBuilder()
                .setTitle(texts.in(guild, "modlog.grouped", cases.size()))
                .setDescription(lines.toString())
                .setColor(new Color(0x9e9e9e))
                .setTimestamp(cases.get(cases.size() - 1).at())
                .build();
    }

    /** Who decided, as people read it: a mention for a person, the module or rule otherwise. */
    private String who(Guild guild, String actor) {
        if (actor == null) return "-";
        int colon = actor.indexOf(':');
        String kind = colon < 0 ? actor : actor.substring(0, colon);
        String id = colon < 0 ? "" : actor.substring(colon + 1);
        return switch (kind) {
            case "moderator" -> "<@" + id + ">";
            case "discord" ->
                id.equals("unknown")
                        ? texts.in(guild, "modlog.by.discordUnknown")
                        : texts.in(guild, "modlog.by.discord", "<@" + id + ">");
            case "automod" -> texts.in(guild, "modlog.by.automod", id);
            case "rule" -> texts.in(guild, "modlog.by.rule", id);
            default -> actor;
        };
    }

    private static Color color(CaseView view) {
        return switch (view.what() == null ? "" : view.what()) {
            case "ban" -> new Color(0xc62828);
            case "kick" -> new Color(0xef6c00);
            case "timeout" -> new Color(0xf9a825);
            case "warn" -> new Color(0xfdd835);
            default -> new Color(0x607d8b);
        };
    }

    private void tellOnce(Guild guild, String channel) {
        if (!told.add(guild.getIdLong())) return;
        guild.retrieveOwner()
                .flatMap(owner -> owner.getUser().openPrivateChannel())
                .flatMap(dm -> dm.sendMessage(texts.in(
                        guild, "modlog.cannotPost", guild.getName(), channel == null ? "-" : "<#" + channel + ">")))
                .queue(
                        null,
                        error -> log.info(
                                "Could not tell the owner of {} that the moderation log cannot be posted",
                                guild.getId()));
    }
}
