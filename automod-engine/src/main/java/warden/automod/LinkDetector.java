package warden.automod;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import warden.sanctions.Evidence;

/**
 * External links ({@link LinkScanner}), allowed or forbidden by domain, subdomains included. Discord invites are
 * the invite module's business and are left to it.
 */
final class LinkDetector implements Detector {
    private final LinkSettings settings;

    LinkDetector(LinkSettings settings) {
        this.settings = settings;
    }

    @Override
    public AutomodModule module() {
        return AutomodModule.LINKS;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        if (!scan.mayContainLink()) return;
        LinkView view = scan.links();
        List<Evidence.Span> spans = new ArrayList<>();
        for (LinkScanner.Found link : LinkScanner.scan(view.text)) {
            if (InviteDetector.isInvite(view.text.substring(link.start(), link.end()))) continue;
            if (allowed(link.host())) continue;
            spans.add(Spans.of(
                    scan.message().content(),
                    view.originalStart(link.start()),
                    view.originalEnd(link.end()),
                    "link:" + link.host()));
        }
        if (spans.isEmpty()) return;
        out.add(new Violation(
                module(),
                spans,
                List.of(),
                policyVersion,
                settings.censor() ? Violation.Action.REPOST : Violation.Action.DELETE,
                settings.silent(),
                "automod.reason.link",
                List.of()));
    }

    private boolean allowed(String host) {
        boolean listed = matchesAny(host, settings.domains());
        return settings.mode() == LinkSettings.DomainMode.FORBID_LISTED ? !listed : listed;
    }

    /** A listed domain covers its subdomains: {@code example.com} covers {@code cdn.example.com}. */
    static boolean matchesAny(String host, Set<String> domains) {
        for (String domain : domains) {
            if (host.equals(domain) || host.endsWith("." + domain)) return true;
        }
        return false;
    }
}
