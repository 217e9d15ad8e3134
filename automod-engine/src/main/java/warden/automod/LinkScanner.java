package warden.automod;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds links in a lower-cased view in one linear pass, without regular expressions: addresses with a scheme,
 * {@code www.} addresses and bare domains whose last label is a common top-level domain.
 */
final class LinkScanner {

    record Found(int start, int end, String host) {}

    private static final Set<String> TLDS =
            Set.of(("com net org fr io gg xyz me co info biz ru de uk us be ch ca eu app "
                            + "dev tv ly to link site online store shop club top live art pro ai cc ws sh es it nl pl br in jp cn au nz se "
                            + "no fi dk pt cz gl gd ml ga cf tk st vip win bet fun icu lol page blog news one tech space website bit")
                    .split(" "));

    private LinkScanner() {}

    static List<Found> scan(String text) {
        List<Found> found = new ArrayList<>(1);
        int covered = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (i < covered) continue;
            char c = text.charAt(i);
            if (c == ':' && text.startsWith("://", i)) {
                int start = i;
                while (start > 0 && isLetter(text.charAt(start - 1))) start--;
                String scheme = text.substring(start, i);
                if (scheme.equals("http") || scheme.equals("https")) {
                    int end = urlEnd(text, i + 3);
                    String host = host(text, i + 3, end);
                    if (host != null) {
                        found.add(new Found(start, trim(text, start, end), host));
                        covered = end;
                    }
                }
            } else if (c == 'w' && text.startsWith("www.", i) && (i == 0 || !isHostChar(text.charAt(i - 1)))) {
                int end = urlEnd(text, i);
                String host = host(text, i + 4, end);
                if (host != null) {
                    found.add(new Found(i, trim(text, i, end), host));
                    covered = end;
                }
            } else if (c == '.' && i > 0 && i + 1 < n && isAlnum(text.charAt(i - 1)) && isAlnum(text.charAt(i + 1))) {
                int start = i;
                while (start > 0 && isHostChar(text.charAt(start - 1))) start--;
                int hostEnd = i;
                while (hostEnd < n && isHostChar(text.charAt(hostEnd))) hostEnd++;
                if (start > 0
                        && (text.charAt(start - 1) == '@'
                                || text.charAt(start - 1) == '/'
                                || isAlnum(text.charAt(start - 1)))) {
                    covered = hostEnd;
                    continue;
                }
                if (hostEnd < n && text.charAt(hostEnd) == '@') {
                    covered = hostEnd;
                    continue;
                }
                String host = trimDots(text.substring(start, hostEnd));
                int lastDot = host.lastIndexOf('.');
                if (lastDot > 0 && TLDS.contains(host.substring(lastDot + 1))) {
                    int end = hostEnd < n && "/?#".indexOf(text.charAt(hostEnd)) >= 0
                            ? urlEnd(text, hostEnd)
                            : start + host.length();
                    found.add(new Found(start, trim(text, start, end), host));
                    covered = end;
                } else {
                    covered = hostEnd;
                }
            }
        }
        return found;
    }

    private static int urlEnd(String text, int from) {
        int end = from;
        while (end < text.length()
                && !Character.isWhitespace(text.charAt(end))
                && "<>\"'`|".indexOf(text.charAt(end)) < 0) end++;
        return end;
    }

    /** The host of {@code text[from, end)}: after any user info, before any port, path, query or fragment. */
    private static String host(String text, int from, int end) {
        int at = from;
        int stop = from;
        while (stop < end && "/?#".indexOf(text.charAt(stop)) < 0) {
            if (text.charAt(stop) == '@') at = stop + 1;
            stop++;
        }
        int colon = text.indexOf(':', at);
        if (colon >= 0 && colon < stop) stop = colon;
        String host = trimDots(text.substring(at, stop));
        if (host.startsWith("www.")) host = host.substring(4);
        return host.isEmpty() ? null : host;
    }

    /** Trailing punctuation ends a sentence, not a link. */
    private static int trim(String text, int start, int end) {
        int e = end;
        while (e > start && ".,;:!?)]}*_~".indexOf(text.charAt(e - 1)) >= 0) e--;
        return e;
    }

    private static String trimDots(String host) {
        int e = host.length();
        while (e > 0 && host.charAt(e - 1) == '.') e--;
        return host.substring(0, e);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isHostChar(char c) {
        return isAlnum(c) || c == '-' || c == '.';
    }
}
