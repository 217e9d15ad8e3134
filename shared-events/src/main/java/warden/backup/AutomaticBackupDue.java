package warden.backup;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;

/**
 * The schedule says the server is due an automatic backup. The node that holds the server's shard takes it: only it
 * sees the server as it is.
 */
@Revision("1")
public record AutomaticBackupDue(GuildId guild, Instant occurredAt) implements GuildEvent {}
