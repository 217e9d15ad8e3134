package warden.automod;

import java.util.ArrayList;
import java.util.List;
import warden.common.GuildId;
import warden.config.PolicyDocument;

/** A guild's automod settings at one version, compiled once into detectors (the vocabulary automaton above all). */
public final class CompiledPolicy {
    private final GuildId guild;
    private final long version;
    private final List<Detector> detectors;

    private CompiledPolicy(GuildId guild, long version, List<Detector> detectors) {
        this.guild = guild;
        this.version = version;
        this.detectors = detectors;
    }

    static CompiledPolicy compile(PolicyDocument policy, MemberRates rates, InviteDirectory invites) {
        AutomodSettings s = policy.automod();
        List<Detector> detectors = new ArrayList<>();
        if (s.vocabulary().enabled()) detectors.add(new VocabularyDetector(s.vocabulary()));
        if (s.invites().enabled())
            detectors.add(new InviteDetector(s.invites(), policy.guild(), invites, policy.premium()));
        if (s.links().enabled()) detectors.add(new LinkDetector(s.links()));
        if (s.caps().enabled()) detectors.add(new CapsDetector(s.caps()));
        if (s.emojis().enabled()) detectors.add(new EmojiDetector(s.emojis()));
        if (s.pings().enabled()) detectors.add(new PingDetector(s.pings()));
        if (s.mentions().enabled()) detectors.add(RateDetector.mentions(s.mentions(), rates));
        if (s.spam().enabled()) detectors.add(RateDetector.spam(s.spam(), rates));
        if (s.markdown().enabled()) detectors.add(new MarkdownDetector(s.markdown()));
        return new CompiledPolicy(policy.guild(), policy.version(), List.copyOf(detectors));
    }

    public GuildId guild() {
        return guild;
    }

    public long version() {
        return version;
    }

    List<Detector> detectors() {
        return detectors;
    }
}
