package warden.automod;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import warden.sanctions.Evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * External links: URLs with a scheme, {@code www.} addresses and bare domains with a common top-level domain.
 * Discord invites are the invite module's business and are left to it.
 */
final class LinkDetector implements Detector {
    private static final String TLDS = "com|net|org|fr|io|gg|xyz|me|co|info|biz|ru|de|uk|us|be|ch|ca|eu|app|dev|tv|ly|to|"
            + "link|site|online|store|shop|club|top|live|art|pro|ai|cc|ws|sh|es|it|nl|pl|br|in|jp|cn|au|nz|se|no|fi|dk|"
            + "pt|cz|gl|gd|ml|ga|cf|tk|st|vip|win|bet|fun|icu|lol|page|blog|news|one|tech|space|website|bit";
    /** Linear-time (RE2): no message can make it slow. */
    private static final Pattern URL = Pattern.compile(
            "(?:https?://|www\\.)[^\\s<>\"'`|]+"
                    + "|((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:" + TLDS + "))(?:[/?#][^\\s<>\"'`|]*)?");
    private static final Pattern HOST = Pattern.compile("^(?:https?://)?(?:[^/@\\s]*@)?([^/:?#\\s]+)");

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
        Matcher m = URL.matcher(view.text);
        List<Evidence.Span> spans = new ArrayList<>();
        while (m.find()) {
            int from = m.start();
            int to = trimEnd(view.text, from, m.end());
            if (m.group(1) != null && !bareDomainBoundaries(view.text, from, m.end(1))) continue;
            String link = view.text.substring(from, to);
            if (InviteDetector.INVITE.matcher(link).find()) continue;
            String host = host(link);
            if (host == null || allowed(host)) continue;
            spans.add(Spans.of(scan.message().content(), view.originalStart(from), view.originalEnd(to), "link:" + host));
        }
        if (spans.isEmpty()) return;
        out.add(new Violation(module(), spans, List.of(), policyVersion,
                settings.censor() ? Violation.Action.REPOST : Violation.Action.DELETE, settings.silent(),
                "automod.reason.link", List.of()));
    }

    /** A bare domain stands alone: not inside an e-mail address, a longer name or a file name. */
    private static boolean bareDomainBoundaries(String text, int from, int hostEnd) {
        if (from > 0) {
            char before = text.charAt(from - 1);
            if (Character.isLetterOrDigit(before) || before == '@' || before == '.' || before == '_' || before == '-') return false;
        }
        if (hostEnd < text.length()) {
            char after = text.charAt(hostEnd);
            return !(Character.isLetterOrDigit(after) || after == '-' || after == '_' || after == '@');
        }
        return true;
    }

    /** Trailing punctuation ends a sentence, not a link. */
    private static int trimEnd(String text, int from, int end) {
        int e = end;
        while (e > from && ".,;:!?)]}*_~".indexOf(text.charAt(e - 1)) >= 0) e--;
        return e;
    }

    static String host(String link) {
        Matcher m = HOST.matcher(link);
        if (!m.find()) return null;
        String host = m.group(1);
        if (host.startsWith("www.")) host = host.substring(4);
        while (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        return host.isEmpty() ? null : host;
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
