package warden.federation;

import warden.common.GuildEvent;

/** A federation's event: every one names its federation, and the server it is about (for that server's audit trail). */
public interface FederationEvent extends GuildEvent {
    String federationId();
}
