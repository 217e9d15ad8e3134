package warden.automod;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import warden.common.GuildId;
import warden.sanctions.Evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Discord invites, obfuscated or not ({@code discord . gg / x}, {@code discord(.)gg}, URL-encoded,
 * {@code discord.com/invite/x}). Invites to the guild itself, allowed invites and invites to immune servers pass.
 */
final class InviteDetector implements Detector {
    /** Linear-time (RE2) so that no message can make it slow. */
    static final Pattern INVITE = Pattern.compile(
            "(?:discord(?:app)?\\.(?:gg|io|me|li)|discord(?:app)?\\.com/invite|dsc\\.gg|invite\\.gg)/([a-z0-9-]{2,32})");

    private final InviteSettings settings;
    private final Set<String> allowed;
    private final GuildId guild;
    private final InviteDirectory directory;

    InviteDetector(InviteSettings settings, GuildId guild, InviteDirectory directory) {
        this.settings = settings;
        this.guild = guild;
        this.directory = directory;
        this.allowed = settings.allowedInvites().stream().map(InviteDetector::code).collect(Collectors.toUnmodifiableSet());
    }

    /** An allowed invite may be written as a code or as a full link. */
    static String code(String invite) {
        String lower = invite.strip().toLowerCase(Locale.ROOT);
        Matcher m = INVITE.matcher(lower);
        return m.find() ? m.group(1) : lower;
    }

    @Override
    public AutomodModule module() {
        return AutomodModule.INVITES;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        if (!scan.mayContainLink()) return;
        LinkView view = scan.compactLinks();
        Matcher m = INVITE.matcher(view.text);
        List<Evidence.Span> spans = new ArrayList<>();
        while (m.find()) {
            String code = m.group(1);
            if (passes(code)) continue;
            spans.add(Spans.of(scan.message().content(), view.originalStart(m.start()), view.originalEnd(m.end()), "invite:" + code));
        }
        if (spans.isEmpty()) return;
        out.add(new Violation(module(), spans, obfuscation(spans), policyVersion,
                settings.censor() ? Violation.Action.REPOST : Violation.Action.DELETE, settings.silent(),
                "automod.reason.invite", List.of()));
    }

    private boolean passes(String code) {
        if (allowed.contains(code) || directory.ownCodes(guild).contains(code)) return true;
        Optional<GuildId> target = directory.guildOf(code);
        return target.isPresent() && (target.get().equals(guild) || settings.immuneServers().contains(target.get()));
    }

    /** The evasions a span needed: anything but a plain {@code discord.gg/code} was obfuscated. */
    private static List<String> obfuscation(List<Evidence.Span> spans) {
        for (Evidence.Span span : spans) {
            if (!INVITE.matcher(span.text().toLowerCase(Locale.ROOT)).find()) return List.of("obfuscated-link");
        }
        return List.of();
    }
}
