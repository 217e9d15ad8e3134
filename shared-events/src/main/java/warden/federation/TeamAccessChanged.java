package warden.federation;

import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;

import java.time.Instant;

/** A partner opted in to (or out of) the federation's moderation team. */
@Revision("1")
public record TeamAccessChanged(String federationId, GuildId guild, boolean allowed, Actor by, Instant occurredAt) implements FederationEvent {
}
