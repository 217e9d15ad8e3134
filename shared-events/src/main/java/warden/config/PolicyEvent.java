package warden.config;

import warden.common.GuildEvent;

/** A change of a guild's policy; {@link #version()} is the policy version it produced. */
public interface PolicyEvent extends GuildEvent {
    long version();
}
