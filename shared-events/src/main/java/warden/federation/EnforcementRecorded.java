package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildId;

/** What became of an entry in one server: applied, skipped (override, never-ban), awaiting approval, failed with Discord's reason, reverted, or the server told that no entry remains. */
@Revision("1")
public record EnforcementRecorded(
        String federationId,
        String entryId,
        GuildId guild,
        EnforcementOutcome outcome,
        String detail,
        Instant occurredAt)
        implements FederationEvent {}
