package warden.interserver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.discord.ConditionalOnDiscord;
import warden.platform.NodeLocalProcessors;

/**
 * Which channels are linked, for the relay's hot path: every message asks whether its channel is on a frequency,
 * and never waits for the database to know. Loaded once from the channel claims (written in the same transactions
 * as the link events, so never behind the store), then kept up to date by the link events themselves, which a
 * node-local processor reads from the store: links made on any node arrive as soon as the store has them.
 */
@Component
@ConditionalOnDiscord
@ProcessingGroup(LinkDirectory.PROCESSOR)
@DisallowReplay
public class LinkDirectory {

    static final String PROCESSOR = "interserver-directory";

    private final QueryGateway queries;
    /** Replaced whole on each change: readers never lock. Null until first loaded. */
    private volatile Links links;

    public LinkDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    @Autowired
    void register(EventProcessingConfigurer processing) {
        NodeLocalProcessors.register(processing, PROCESSOR);
    }

    public Optional<ActiveLink> linkOf(ChannelId channel) {
        return Optional.ofNullable(links().byChannel().get(channel));
    }

    /** The other channels on the same frequency. */
    public List<ActiveLink> partnersOf(ActiveLink link) {
        return links().byFrequency().getOrDefault(link.frequency(), List.of()).stream()
                .filter(l -> !l.channel().equals(link.channel()))
                .toList();
    }

    /** The guild's linked channels. */
    public List<ActiveLink> ofGuild(GuildId guild) {
        return links().byChannel().values().stream()
                .filter(l -> l.guild().equals(guild))
                .toList();
    }

    private Links links() {
        Links known = links;
        return known != null ? known : load();
    }

    /*
     * The processor started at the head of the store before anything asked for a link, so every event it has not
     * applied yet is either in the claims read here or still to come. Loading and applying share the lock, so an
     * event is never applied to a map that a load then replaces without it.
     */
    private synchronized Links load() {
        if (links == null)
            links = Links.of(queries.query(new FindClaimedChannels(), ActiveLinks.class)
                    .join()
                    .links());
        return links;
    }

    private synchronized void change(ChannelId channel, ActiveLink linkOrNull) {
        if (links == null) return; // the first load will read it from the claims
        Map<ChannelId, ActiveLink> next = new HashMap<>(links.byChannel());
        if (linkOrNull == null) next.remove(channel);
        else next.put(channel, linkOrNull);
        links = Links.of(next.values());
    }

    @EventHandler
    void on(FrequencyCreated e) {
        change(e.channel(), new ActiveLink(e.frequency(), e.guild(), e.channel()));
    }

    @EventHandler
    void on(ChannelLinked e) {
        change(e.channel(), new ActiveLink(e.frequency(), e.guild(), e.channel()));
    }

    @EventHandler
    void on(ChannelUnlinked e) {
        change(e.channel(), null);
    }

    private record Links(Map<ChannelId, ActiveLink> byChannel, Map<FrequencyKey, List<ActiveLink>> byFrequency) {
        static Links of(Collection<ActiveLink> all) {
            Map<ChannelId, ActiveLink> byChannel = new HashMap<>();
            Map<FrequencyKey, List<ActiveLink>> byFrequency = new HashMap<>();
            for (ActiveLink link : all) {
                byChannel.put(link.channel(), link);
                byFrequency
                        .computeIfAbsent(link.frequency(), f -> new ArrayList<>())
                        .add(link);
            }
            byFrequency.replaceAll((f, list) -> List.copyOf(list));
            return new Links(Map.copyOf(byChannel), Map.copyOf(byFrequency));
        }
    }
}
