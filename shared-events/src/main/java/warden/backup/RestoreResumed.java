package warden.backup;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** A restore interrupted (a restart) was taken up again with {@code remaining} steps to go. */
@Revision("1")
public record RestoreResumed(GuildId guild, String restoreId, int remaining, Instant occurredAt)
        implements GuildEvent {}
