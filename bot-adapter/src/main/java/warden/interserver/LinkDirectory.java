package warden.interserver;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import warden.platform.QueryResults;
import warden.common.ChannelId;
import warden.discord.ConditionalOnDiscord;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which channels are linked, for the relay's hot path: every message asks whether its channel is on a frequency.
 * The whole (small) set of active links is read from the read model every few seconds (links made on other nodes),
 * and links made on this node apply at once: they are kept on top of what the read model says until it has
 * caught up with them.
 */
@Component
@ConditionalOnDiscord
@ProcessingGroup("interserver-directory")
public class LinkDirectory {

    private static final long REFRESH_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long LOCAL_GRACE_NANOS = Duration.ofSeconds(30).toNanos();

    private final QueryGateway queries;
    private volatile Map<ChannelId, ActiveLink> fromReadModel = Map.of();
    private volatile long loadedAt = Long.MIN_VALUE / 2;
    /** Local changes: channel -> its link, or empty when unlinked here; with when it happened. */
    private final Map<ChannelId, LocalChange> local = new ConcurrentHashMap<>();

    private record LocalChange(Optional<ActiveLink> link, long at) {
    }

    public LinkDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<ActiveLink> linkOf(ChannelId channel) {
        return Optional.ofNullable(current().get(channel));
    }

    /** The other channels on the same frequency. */
    public List<ActiveLink> partnersOf(ActiveLink link) {
        return current().values().stream()
                .filter(l -> l.frequency().equals(link.frequency()) && !l.channel().equals(link.channel()))
                .toList();
    }

    private Map<ChannelId, ActiveLink> current() {
        if (System.nanoTime() - loadedAt > REFRESH_NANOS) reload();
        if (local.isEmpty()) return fromReadModel;
        Map<ChannelId, ActiveLink> merged = new HashMap<>(fromReadModel);
        local.forEach((channel, change) -> {
            if (change.link().isPresent()) merged.put(channel, change.link().get());
            else merged.remove(channel);
        });
        return merged;
    }

    public synchronized void reload() {
        ActiveLinks links = QueryResults.join(queries.query(new FindActiveLinks(), ResponseTypes.instanceOf(ActiveLinks.class)));
        Map<ChannelId, ActiveLink> loaded = new HashMap<>();
        links.links().forEach(l -> loaded.put(l.channel(), l));
        fromReadModel = Map.copyOf(loaded);
        loadedAt = System.nanoTime();
        long now = System.nanoTime();
        // a local change the read model now shows, or an old one, needs no overlay any more
        local.entrySet().removeIf(e -> now - e.getValue().at() > LOCAL_GRACE_NANOS
                || e.getValue().link().map(l -> l.equals(loaded.get(e.getKey()))).orElse(!loaded.containsKey(e.getKey())));
    }

    @EventHandler
    void on(FrequencyCreated e) {
        local.put(e.channel(), new LocalChange(Optional.of(new ActiveLink(e.frequency(), e.guild(), e.channel())), System.nanoTime()));
    }

    @EventHandler
    void on(ChannelLinked e) {
        local.put(e.channel(), new LocalChange(Optional.of(new ActiveLink(e.frequency(), e.guild(), e.channel())), System.nanoTime()));
    }

    @EventHandler
    void on(ChannelUnlinked e) {
        local.put(e.channel(), new LocalChange(Optional.empty(), System.nanoTime()));
    }
}
