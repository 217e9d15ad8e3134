package warden.common;

import java.time.Instant;

/** Every Warden event belongs to a guild and carries its business time: the audit timeline is built from this. */
public interface GuildEvent {
    GuildId guild();

    Instant occurredAt();
}
