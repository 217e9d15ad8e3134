package warden.federation;

/** A federation as the read model holds it. */
public record FindFederation(String federationId) {}
