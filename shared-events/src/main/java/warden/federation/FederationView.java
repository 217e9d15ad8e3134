package warden.federation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A federation: its partners and their settings, the active entries of its list, overrides and outcomes per server. */
public record FederationView(
        String federationId,
        String name,
        String owner,
        String staffRole,
        List<Partner> partners,
        List<Entry> entries,
        Set<String> overrides,
        Map<String, String> outcomes) {

    public static final FederationView NONE =
            new FederationView(null, null, null, null, List.of(), List.of(), Set.of(), Map.of());

    /** A partner; {@code teamAccess}: the federation's moderation team may act in its server. */
    public record Partner(
            String guild,
            boolean publish,
            boolean subscribe,
            boolean suspended,
            EnforcementMode mode,
            String alertChannel,
            Set<String> neverUsers,
            Set<String> neverRoles,
            boolean teamAccess) {}

    public record Entry(
            String entryId,
            String user,
            String reason,
            List<String> evidence,
            String publisher,
            String by,
            Instant publishedAt) {}

    public Partner partner(String guild) {
        return partners.stream()
                .filter(p -> p.guild().equals(guild))
                .findFirst()
                .orElse(null);
    }

    /** Whether a server set an entry aside. */
    public boolean overridden(String guild, String entryId) {
        return overrides.contains(guild + ":" + entryId);
    }

    /** What became of an entry in a server, or null. */
    public String outcome(String guild, String entryId) {
        return outcomes.get(entryId + ":" + guild);
    }
}
