package warden.raid;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;
import warden.common.UserId;

/** An account that joined during a raid (or in the window that revealed it). */
@Revision("1")
public record RaidJoinRecorded(GuildId guild, String raidId, UserId account, Instant occurredAt)
        implements GuildEvent {}
