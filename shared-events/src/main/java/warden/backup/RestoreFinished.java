package warden.backup;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** A restore ended: how many steps were done, failed and skipped. */
@Revision("1")
public record RestoreFinished(GuildId guild, String restoreId, int done, int failed, int skipped, Instant occurredAt)
        implements GuildEvent {}
