package warden.automod;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import warden.common.ChannelId;
import warden.common.InvalidValueException;
import warden.common.RoleId;

/**
 * External links. In {@code FORBID_LISTED} mode only the listed domains are flagged; in {@code ALLOW_ONLY_LISTED}
 * mode every link is flagged but those to the listed domains. A domain covers its subdomains.
 */
public record LinkSettings(
        boolean enabled,
        boolean silent,
        Set<ChannelId> ignoredChannels,
        Set<RoleId> ignoredRoles,
        DomainMode mode,
        Set<String> domains,
        boolean censor)
        implements ModuleSettings {

    private static final Pattern DOMAIN =
            Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");

    public enum DomainMode {
        FORBID_LISTED,
        ALLOW_ONLY_LISTED
    }

    public LinkSettings {
        ignoredChannels = ModuleSettings.copy(ignoredChannels);
        ignoredRoles = ModuleSettings.copy(ignoredRoles);
        if (mode == null) mode = DomainMode.ALLOW_ONLY_LISTED;
        Set<String> normalized = new LinkedHashSet<>();
        for (String domain : domains == null ? Set.<String>of() : domains) {
            String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
            normalized.add(d.startsWith("*.") ? d.substring(2) : d);
        }
        domains = ModuleSettings.copy(normalized);
    }

    @Override
    public void validate() {
        Check.common(this);
        for (String domain : domains) {
            if (!DOMAIN.matcher(domain).matches())
                throw InvalidValueException.forField("domains", "error.link.domain", domain);
        }
        Check.size("domains", domains, AutomodLimits.MAX_LIST);
    }

    public static LinkSettings defaults() {
        return new LinkSettings(false, false, null, null, DomainMode.ALLOW_ONLY_LISTED, null, false);
    }
}
