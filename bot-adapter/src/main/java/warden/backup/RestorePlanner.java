package warden.backup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import warden.backup.RestoreStep.Kind;
import warden.backup.ServerSnapshot.ChannelSnapshot;
import warden.backup.ServerSnapshot.OverwriteSnapshot;
import warden.backup.ServerSnapshot.RoleSnapshot;

/**
 * The difference between a backup and the server as it is now, as the steps that would repair it: what is created,
 * changed, deleted, and which members get roles back. Pure: the same two snapshots always give the same plan, which
 * is what the admin reads before confirming.
 *
 * <p>A role or channel of the backup is the same as one of today's when it has the same id, or else the same name
 * (and type): what a raid deleted and someone (or an interrupted restore) already recreated is changed, not doubled.
 */
public final class RestorePlanner {

    private RestorePlanner() {}

    /** Backup id -> today's id, for the roles and channels that still exist (or were recreated under their name). */
    public record Matches(Map<String, String> roles, Map<String, String> channels) {}

    public static Matches match(ServerSnapshot backup, ServerSnapshot now) {
        Map<String, String> roles = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (RoleSnapshot b : backup.roles()) {
            if (b.everyone()) {
                now.roles().stream()
                        .filter(RoleSnapshot::everyone)
                        .findFirst()
                        .ifPresent(r -> put(roles, taken, b.id(), r.id()));
            } else if (now.role(b.id()) != null) {
                put(roles, taken, b.id(), b.id());
            }
        }
        for (RoleSnapshot b : backup.roles()) {
            if (roles.containsKey(b.id())) continue;
            now.roles().stream()
                    .filter(r ->
                            !r.everyone() && !taken.contains(r.id()) && r.name().equals(b.name()))
                    .findFirst()
                    .ifPresent(r -> put(roles, taken, b.id(), r.id()));
        }
        Map<String, String> channels = new LinkedHashMap<>();
        Set<String> takenChannels = new HashSet<>();
        for (ChannelSnapshot b : backup.channels()) {
            if (now.channel(b.id()) != null) put(channels, takenChannels, b.id(), b.id());
        }
        for (ChannelSnapshot b : backup.channels()) {
            if (channels.containsKey(b.id())) continue;
            now.channels().stream()
                    .filter(c -> !takenChannels.contains(c.id())
                            && c.name().equals(b.name())
                            && c.type().equals(b.type()))
                    .findFirst()
                    .ifPresent(c -> put(channels, takenChannels, b.id(), c.id()));
        }
        return new Matches(roles, channels);
    }

    private static void put(Map<String, String> matches, Set<String> taken, String backupId, String nowId) {
        matches.put(backupId, nowId);
        taken.add(nowId);
    }

    public static List<RestoreStep> plan(ServerSnapshot backup, ServerSnapshot now, RestoreOptions options) {
        Matches matches = match(backup, now);
        List<RestoreStep> steps = new ArrayList<>();
        if (options.structure()) {
            // highest first: Discord puts each new role at the bottom, so this keeps the backup's order among them
            backup.roles().stream()
                    .sorted(Comparator.comparingInt(RoleSnapshot::position).reversed())
                    .forEach(b -> {
                        String current = matches.roles().get(b.id());
                        if (current == null) {
                            if (!b.everyone()) add(steps, Kind.CREATE_ROLE, b.id(), b.name(), List.of());
                            return;
                        }
                        List<String> changes = roleChanges(b, now.role(current));
                        if (!changes.isEmpty()) add(steps, Kind.UPDATE_ROLE, b.id(), b.name(), changes);
                    });
            List<ChannelSnapshot> ordered = backup.channels().stream()
                    .sorted(Comparator.comparing((ChannelSnapshot c) -> !c.category())
                            .thenComparingInt(ChannelSnapshot::position))
                    .toList();
            for (ChannelSnapshot b : ordered) {
                String current = matches.channels().get(b.id());
                if (current == null) {
                    add(steps, b.category() ? Kind.CREATE_CATEGORY : Kind.CREATE_CHANNEL, b.id(), b.name(), List.of());
                    continue;
                }
                List<String> changes = channelChanges(b, now.channel(current), matches);
                if (!changes.isEmpty()) add(steps, Kind.UPDATE_CHANNEL, b.id(), b.name(), changes);
            }
            List<String> server = new ArrayList<>();
            if (!Objects.equals(backup.name(), now.name())) server.add("name");
            if (!Objects.equals(backup.verificationLevel(), now.verificationLevel())) server.add("verification");
            String systemChannel =
                    backup.systemChannel() == null ? null : matches.channels().get(backup.systemChannel());
            if (backup.systemChannel() != null && !Objects.equals(systemChannel, now.systemChannel()))
                server.add("system-channel");
            if (!server.isEmpty()) add(steps, Kind.UPDATE_SERVER, "server", backup.name(), server);
            if (options.deletions()) {
                Set<String> keptChannels = new HashSet<>(matches.channels().values());
                now.channels().stream()
                        .filter(c -> !keptChannels.contains(c.id()))
                        .sorted(Comparator.comparing(ChannelSnapshot::category)) // channels before their categories
                        .forEach(c -> add(steps, Kind.DELETE_CHANNEL, c.id(), c.name(), List.of()));
                Set<String> keptRoles = new HashSet<>(matches.roles().values());
                now.roles().stream()
                        .filter(r -> !r.everyone() && !keptRoles.contains(r.id()))
                        .forEach(r -> add(steps, Kind.DELETE_ROLE, r.id(), r.name(), List.of()));
            }
        }
        if (options.memberRoles()) {
            backup.memberRoles().forEach((member, held) -> {
                List<String> heldNow = now.memberRoles().get(member);
                if (heldNow == null) return; // no longer in the server
                List<String> missing = held.stream()
                        .filter(role -> {
                            String current = matches.roles().get(role);
                            if (current == null) return options.structure(); // recreated by this restore
                            return !heldNow.contains(current);
                        })
                        .toList();
                if (!missing.isEmpty()) add(steps, Kind.ADD_MEMBER_ROLES, member, member, missing);
            });
        }
        return steps;
    }

    private static void add(List<RestoreStep> steps, Kind kind, String target, String name, List<String> changes) {
        steps.add(new RestoreStep(steps.size(), kind, target, name, changes));
    }

    static List<String> roleChanges(RoleSnapshot backup, RoleSnapshot now) {
        List<String> changes = new ArrayList<>();
        if (!backup.everyone() && !backup.name().equals(now.name())) changes.add("name");
        if (backup.permissions() != now.permissions()) changes.add("permissions");
        if (!backup.everyone()) {
            if (backup.color() != now.color()) changes.add("color");
            if (backup.hoist() != now.hoist()) changes.add("hoist");
            if (backup.mentionable() != now.mentionable()) changes.add("mentionable");
        }
        return changes;
    }

    static List<String> channelChanges(ChannelSnapshot backup, ChannelSnapshot now, Matches matches) {
        List<String> changes = new ArrayList<>();
        if (!backup.name().equals(now.name())) changes.add("name");
        if (!Objects.equals(blankToNull(backup.topic()), blankToNull(now.topic()))) changes.add("topic");
        if (backup.slowmode() != now.slowmode()) changes.add("slowmode");
        if (backup.nsfw() != now.nsfw()) changes.add("nsfw");
        // a category the restore recreates gets a new id: the channel must move into it
        String parent = backup.parent() == null
                ? null
                : matches.channels().getOrDefault(backup.parent(), "missing:" + backup.parent());
        if (!Objects.equals(parent, now.parent())) changes.add("category");
        if (!overwrites(backup.overwrites(), matches).equals(new HashSet<>(now.overwrites())))
            changes.add("permissions");
        return changes;
    }

    /** The backup's overwrites with today's role ids; an overwrite for a role that no longer exists never matches. */
    private static Set<OverwriteSnapshot> overwrites(List<OverwriteSnapshot> overwrites, Matches matches) {
        Set<OverwriteSnapshot> mapped = new HashSet<>();
        for (OverwriteSnapshot o : overwrites) {
            String target = o.role() ? matches.roles().getOrDefault(o.target(), "missing:" + o.target()) : o.target();
            mapped.add(new OverwriteSnapshot(target, o.role(), o.allow(), o.deny()));
        }
        return mapped;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
