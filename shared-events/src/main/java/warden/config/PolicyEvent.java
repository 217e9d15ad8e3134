package warden.config;

import warden.common.GuildEvent;

/** A change of a guild's policy; {@link #version()} is the policy version it produced. */
public interface PolicyEvent extends GuildEvent {
    long version();

    warden.common.Actor by();

    @Override
    default warden.common.AuditFacts audit() {
        return warden.common.AuditFacts.of("v" + version(), by(), null);
    }
}
