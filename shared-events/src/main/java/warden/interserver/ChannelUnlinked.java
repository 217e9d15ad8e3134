package warden.interserver;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.ChannelId;
import warden.common.GuildEvent;
import warden.common.GuildId;

@Revision("1")
public record ChannelUnlinked(
        FrequencyKey frequency, GuildId guild, ChannelId channel, UnlinkReason reason, Actor by, Instant occurredAt)
        implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(frequency.shortId() + "/" + channel, by, reason.name());
    }
}
