package warden.common;

import java.time.Instant;

/** Every Warden event belongs to a guild and carries its business time: the audit timeline is built from this. */
public interface GuildEvent {
    GuildId guild();

    Instant occurredAt();

    /** How the audit trail files this event (the whole event is kept beside): by its type and time only, unless it says. */
    default AuditFacts audit() {
        return AuditFacts.NONE;
    }
}
