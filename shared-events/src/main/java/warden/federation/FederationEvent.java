package warden.federation;

/** A federation's event: every one names its federation. */
public interface FederationEvent {
    String federationId();
}
