package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildId;

/** A partner is under a raid (detected, or declared by a moderator); the other partners are alerted and may ban its accounts ahead. */
@Revision("1")
public record RaidAlertShared(
        String federationId, GuildId guild, String raidId, int joins, boolean detected, Instant occurredAt)
        implements FederationEvent {}
