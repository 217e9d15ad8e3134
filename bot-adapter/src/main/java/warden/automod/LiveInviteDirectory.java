package warden.automod;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Invite;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.guild.invite.GuildInviteCreateEvent;
import net.dv8tion.jda.api.events.guild.invite.GuildInviteDeleteEvent;
import net.dv8tion.jda.api.events.guild.update.GuildUpdateVanityCodeEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.GuildId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildWork;

/**
 * What Warden knows of invites on a live bot: each guild's own invites and vanity code (read when the guild becomes
 * ready, then followed through invite events), and the guild each foreign code leads to, asked of Discord
 * ({@code GET /invites/{code}}) and kept for an hour (an unknown invite for ten minutes). Look-ups never run on a
 * gateway thread: a message whose code is not known yet is decided once the answer comes, or after a bounded wait.
 * When Discord cannot answer, the code stays unknown and the invite is treated as foreign (flagged): moderation
 * fails closed, and the miss is counted and logged.
 */
@Component
@ConditionalOnDiscord
public class LiveInviteDirectory extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(LiveInviteDirectory.class);
    static final Duration WAIT = Duration.ofSeconds(3);

    private final GuildWork work;
    private final Map<Long, Set<String>> own = new ConcurrentHashMap<>();
    /** Code -> the guild it leads to, or empty for an invite that does not exist (or leads to no guild). */
    private final Cache<String, Optional<GuildId>> resolved = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfter(new com.github.benmanes.caffeine.cache.Expiry<String, Optional<GuildId>>() {
                @Override
                public long expireAfterCreate(String key, Optional<GuildId> value, long currentTime) {
                    return (value.isPresent() ? Duration.ofHours(1) : Duration.ofMinutes(10)).toNanos();
                }

                @Override
                public long expireAfterUpdate(
                        String key, Optional<GuildId> value, long currentTime, long currentDuration) {
                    return expireAfterCreate(key, value, currentTime);
                }

                @Override
                public long expireAfterRead(
                        String key, Optional<GuildId> value, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            })
            .build();

    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final Counter lookups;
    private final Counter unresolved;
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);

    LiveInviteDirectory(GuildWork work, MeterRegistry meters) {
        this.work = work;
        this.lookups = Counter.builder("warden.automod.invites.lookups")
                .description("invite codes asked of Discord")
                .register(meters);
        this.unresolved = Counter.builder("warden.automod.invites.unresolved")
                .description("invite codes Discord could not resolve in time: treated as foreign")
                .register(meters);
    }

    /** The view the detection engine reads: in memory, never blocking. */
    public InviteDirectory view() {
        return new InviteDirectory() {
            @Override
            public Set<String> ownCodes(GuildId guild) {
                return own.getOrDefault(guild.value(), Set.of());
            }

            @Override
            public Optional<GuildId> guildOf(String code) {
                Optional<GuildId> known = resolved.getIfPresent(code.toLowerCase(Locale.ROOT));
                return known == null ? Optional.empty() : known;
            }
        };
    }

    /** The codes of a message this directory cannot decide yet for the guild. */
    Set<String> unknownIn(String content, long guild) {
        Set<String> codes = DetectionEngine.inviteCodes(content);
        if (codes.isEmpty()) return Set.of();
        Set<String> mine = own.getOrDefault(guild, Set.of());
        return codes.stream()
                .filter(c -> {
                    String key = c.toLowerCase(Locale.ROOT);
                    return !mine.contains(key) && resolved.getIfPresent(key) == null;
                })
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Asks Discord for each code (one request per code, shared by concurrent askers); completes within {@link #WAIT}. */
    CompletableFuture<Void> resolve(JDA jda, Collection<String> codes) {
        CompletableFuture<?>[] all = codes.stream()
                .map(code -> inFlight.computeIfAbsent(code.toLowerCase(Locale.ROOT), c -> ask(jda, code)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all)
                .completeOnTimeout(null, WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> null);
    }

    private CompletableFuture<Void> ask(JDA jda, String code) {
        lookups.increment();
        return Invite.resolve(jda, code).submit().handle((invite, error) -> {
            String key = code.toLowerCase(Locale.ROOT);
            inFlight.remove(key);
            if (error == null) {
                resolved.put(key, Optional.ofNullable(invite.getGuild()).map(g -> GuildId.of(g.getIdLong())));
            } else if (cause(error) instanceof ErrorResponseException e
                    && e.getErrorResponse() == ErrorResponse.UNKNOWN_INVITE) {
                resolved.put(key, Optional.empty());
            } else {
                unresolved.increment();
                warn(code, cause(error));
            }
            return (Void) null;
        });
    }

    private void warn(String code, Throwable error) {
        Instant now = Instant.now();
        Instant last = lastWarning.get();
        if (now.isAfter(last.plusSeconds(60)) && lastWarning.compareAndSet(last, now)) {
            log.warn(
                    "Discord could not resolve invite codes (the last: {}); until it can, invites to unknown servers are "
                            + "treated as foreign and flagged: {}",
                    code.length() > 3 ? code.substring(0, 3) + "…" : code,
                    error.getMessage());
        }
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        Guild guild = event.getGuild();
        work.run(guild.getIdLong(), "invites", () -> load(guild));
    }

    /** The guild's vanity code and, when Warden may read them (Manage Server), its invites. */
    private void load(Guild guild) {
        Set<String> codes = ConcurrentHashMap.newKeySet();
        if (guild.getVanityCode() != null) codes.add(guild.getVanityCode().toLowerCase(Locale.ROOT));
        if (guild.getSelfMember().hasPermission(Permission.MANAGE_SERVER)) {
            try {
                List<Invite> invites = guild.retrieveInvites().complete();
                invites.forEach(i -> codes.add(i.getCode().toLowerCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                log.warn("Could not read the invites of guild {}: {}", guild.getId(), e.getMessage());
            }
        }
        own.merge(guild.getIdLong(), codes, (old, fresh) -> {
            old.addAll(fresh);
            return old;
        });
    }

    @Override
    public void onGuildInviteCreate(GuildInviteCreateEvent event) {
        own.computeIfAbsent(event.getGuild().getIdLong(), g -> ConcurrentHashMap.newKeySet())
                .add(event.getCode().toLowerCase(Locale.ROOT));
    }

    @Override
    public void onGuildInviteDelete(GuildInviteDeleteEvent event) {
        Set<String> codes = own.get(event.getGuild().getIdLong());
        if (codes != null) codes.remove(event.getCode().toLowerCase(Locale.ROOT));
    }

    @Override
    public void onGuildUpdateVanityCode(GuildUpdateVanityCodeEvent event) {
        Set<String> codes = own.computeIfAbsent(event.getGuild().getIdLong(), g -> ConcurrentHashMap.newKeySet());
        if (event.getOldVanityCode() != null)
            codes.remove(event.getOldVanityCode().toLowerCase(Locale.ROOT));
        if (event.getNewVanityCode() != null) codes.add(event.getNewVanityCode().toLowerCase(Locale.ROOT));
    }
}
