package warden.automod;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import warden.common.GuildId;
import warden.sanctions.Evidence;

/**
 * Discord invites, obfuscated or not ({@code discord . gg / x}, {@code discord(.)gg}, URL-encoded,
 * {@code discord.com/invite/x}). Invites to the guild itself, allowed invites and invites to immune servers pass.
 */
final class InviteDetector implements Detector {
    private static final String[] HOSTS = {
        "discord.gg/",
        "discord.io/",
        "discord.me/",
        "discord.li/",
        "discordapp.gg/",
        "discord.com/invite/",
        "discordapp.com/invite/",
        "dsc.gg/",
        "invite.gg/"
    };
    private static final int MAX_CODE = 32;

    private final InviteSettings settings;
    private final Set<String> allowed;
    private final GuildId guild;
    private final InviteDirectory directory;
    /** Immune servers are a premium feature: a guild that is no longer premium loses them without editing its settings. */
    private final Set<GuildId> immune;

    InviteDetector(InviteSettings settings, GuildId guild, InviteDirectory directory, boolean premium) {
        this.settings = settings;
        this.immune = premium ? settings.immuneServers() : Set.of();
        this.guild = guild;
        this.directory = directory;
        this.allowed =
                settings.allowedInvites().stream().map(InviteDetector::code).collect(Collectors.toUnmodifiableSet());
    }

    /** An invite found in a view: {@code [start, end)} and its code. */
    record Found(int start, int end, String code) {}

    /** Every invite in a lower-case view, in one pass per known host form; no regular expression. */
    static List<Found> find(String view) {
        List<Found> found = null;
        for (String host : HOSTS) {
            for (int at = view.indexOf(host); at >= 0; at = view.indexOf(host, at + 1)) {
                if (at > 0 && isCodeChar(view.charAt(at - 1)) && !host.startsWith("discord"))
                    continue; // "xdsc.gg" is another host
                int from = at + host.length();
                int to = from;
                while (to < view.length() && to - from < MAX_CODE && isCodeChar(view.charAt(to))) to++;
                if (to - from < 2) continue;
                if (found == null) found = new ArrayList<>(1);
                found.add(new Found(at, to, view.substring(from, to)));
            }
        }
        if (found == null) return List.of();
        found.sort(java.util.Comparator.comparingInt(Found::start));
        return found;
    }

    private static boolean isCodeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    /**
     * The invite codes a message carries, however written, as the author spelled them where that can be seen (the
     * detector itself compares codes in lower case): what a live directory must know to decide the message.
     */
    static Set<String> codesIn(String content) {
        // called for every message of a guild with the module on: the slash or percent every invite form needs, found
        // without building the full scan (the same test as MessageScan#mayContainInvite)
        if (content.indexOf('/') < 0 && content.indexOf('%') < 0 && content.indexOf('\uFF0F') < 0) return Set.of();
        MessageScan scan = new MessageScan(new ChatMessage(
                "codes", null, null, null, null, false, false, content, null, null, false, java.time.Instant.EPOCH));
        if (!scan.mayContainInvite()) return Set.of();
        LinkView view = scan.compactLinks();
        Set<String> codes = new java.util.HashSet<>();
        for (Found invite : find(view.text)) {
            // Discord's codes are case-sensitive: keep the author's spelling when the original shows it plainly
            int from = view.originalStart(invite.end() - invite.code().length());
            int to = view.originalEnd(invite.end());
            String original = from >= 0 && to <= content.length() && from < to ? content.substring(from, to) : "";
            codes.add(original.equalsIgnoreCase(invite.code()) ? original : invite.code());
        }
        return Set.copyOf(codes);
    }

    static boolean isInvite(String lowerCaseText) {
        return !find(lowerCaseText).isEmpty();
    }

    /** An allowed invite may be written as a code or as a full link. */
    static String code(String invite) {
        String lower = invite.strip().toLowerCase(Locale.ROOT);
        List<Found> found = find(lower);
        return found.isEmpty() ? lower : found.get(0).code();
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
        if (!scan.mayContainInvite()) return;
        LinkView view = scan.compactLinks();
        List<Evidence.Span> spans = new ArrayList<>();
        for (Found invite : find(view.text)) {
            if (passes(invite.code())) continue;
            spans.add(Spans.of(
                    scan.message().content(),
                    view.originalStart(invite.start()),
                    view.originalEnd(invite.end()),
                    "invite:" + invite.code()));
        }
        if (spans.isEmpty()) return;
        out.add(new Violation(
                module(),
                spans,
                obfuscation(spans),
                policyVersion,
                settings.censor() ? Violation.Action.REPOST : Violation.Action.DELETE,
                settings.silent(),
                "automod.reason.invite",
                List.of()));
    }

    private boolean passes(String code) {
        if (allowed.contains(code) || directory.ownCodes(guild).contains(code)) return true;
        Optional<GuildId> target = directory.guildOf(code);
        return target.isPresent() && (target.get().equals(guild) || immune.contains(target.get()));
    }

    /** The evasions a span needed: anything but a plain {@code discord.gg/code} was obfuscated. */
    private static List<String> obfuscation(List<Evidence.Span> spans) {
        for (Evidence.Span span : spans) {
            if (find(span.text().toLowerCase(Locale.ROOT)).isEmpty()) return List.of("obfuscated-link");
        }
        return List.of();
    }
}
