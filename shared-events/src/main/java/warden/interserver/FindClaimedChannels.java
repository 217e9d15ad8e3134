package warden.interserver;

/**
 * Every channel claimed by a frequency, as the command side's claims hold them: written in the transactions that
 * store the link events, so always consistent with the event store (the read model of links may lag behind it).
 */
public record FindClaimedChannels() {}
