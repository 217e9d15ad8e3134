package warden.interserver;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** The last channel left: the frequency can no longer be joined. {@code guild} is the last channel's server. */
@Revision("1")
public record FrequencyClosed(FrequencyKey frequency, GuildId guild, Instant occurredAt) implements GuildEvent {}
