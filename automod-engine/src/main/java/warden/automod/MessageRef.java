package warden.automod;

/** Where a message is on Discord: enough to act on it later without its object. */
public record MessageRef(String channelId, String messageId) {}
