package warden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import warden.backup.ServerSnapshot.ChannelSnapshot;
import warden.backup.ServerSnapshot.OverwriteSnapshot;
import warden.backup.ServerSnapshot.RoleSnapshot;

/** What a restore plans for each kind of damage, option by option: one row per case. */
class RestorePlannerTest {

    static final RoleSnapshot EVERYONE = new RoleSnapshot("1", "@everyone", 0, false, false, 1024, 0, true);
    static final RoleSnapshot MEMBERS = new RoleSnapshot("10", "Members", 0, false, false, 1024, 1, false);
    static final RoleSnapshot MODS = new RoleSnapshot("11", "Mods", 0x3498db, true, false, 1026, 2, false);
    static final ChannelSnapshot STAFF =
            new ChannelSnapshot("20", "Staff", "CATEGORY", null, 0, null, 0, false, List.of());
    static final ChannelSnapshot MOD_LOG = new ChannelSnapshot(
            "21",
            "mod-log",
            "TEXT",
            "20",
            1,
            "logs",
            0,
            false,
            List.of(new OverwriteSnapshot("1", true, 0, 1024), new OverwriteSnapshot("11", true, 1024, 0)));
    static final ChannelSnapshot GENERAL =
            new ChannelSnapshot("22", "general", "TEXT", null, 2, null, 0, false, List.of());

    static final ServerSnapshot BACKUP = new ServerSnapshot(
            "Guild",
            "LOW",
            "22",
            List.of(EVERYONE, MEMBERS, MODS),
            List.of(STAFF, MOD_LOG, GENERAL),
            Map.of("100", List.of("11"), "101", List.of("10", "11"), "102", List.of()));

    static ServerSnapshot now(UnaryOperator<ServerSnapshot> damage) {
        return damage.apply(BACKUP);
    }

    static ServerSnapshot withoutRole(ServerSnapshot s, String id) {
        Map<String, List<String>> members = new java.util.TreeMap<>();
        s.memberRoles()
                .forEach((m, roles) ->
                        members.put(m, roles.stream().filter(r -> !r.equals(id)).toList()));
        List<ChannelSnapshot> channels = s.channels().stream()
                .map(c -> new ChannelSnapshot(
                        c.id(),
                        c.name(),
                        c.type(),
                        c.parent(),
                        c.position(),
                        c.topic(),
                        c.slowmode(),
                        c.nsfw(),
                        c.overwrites().stream()
                                .filter(o -> !o.target().equals(id))
                                .toList()))
                .toList();
        return new ServerSnapshot(
                s.name(),
                s.verificationLevel(),
                s.systemChannel(),
                s.roles().stream().filter(r -> !r.id().equals(id)).toList(),
                channels,
                members);
    }

    static ServerSnapshot withoutChannel(ServerSnapshot s, String id) {
        return new ServerSnapshot(
                s.name(),
                s.verificationLevel(),
                s.systemChannel(),
                s.roles(),
                s.channels().stream()
                        .filter(c -> !c.id().equals(id))
                        .map(c -> id.equals(c.parent())
                                ? new ChannelSnapshot(
                                        c.id(),
                                        c.name(),
                                        c.type(),
                                        null,
                                        c.position(),
                                        c.topic(),
                                        c.slowmode(),
                                        c.nsfw(),
                                        c.overwrites())
                                : c)
                        .toList(),
                s.memberRoles());
    }

    static ServerSnapshot plusChannel(ServerSnapshot s, ChannelSnapshot channel) {
        List<ChannelSnapshot> channels = new ArrayList<>(s.channels());
        channels.add(channel);
        return new ServerSnapshot(
                s.name(), s.verificationLevel(), s.systemChannel(), s.roles(), channels, s.memberRoles());
    }

    static ServerSnapshot replaceRole(ServerSnapshot s, RoleSnapshot role) {
        return new ServerSnapshot(
                s.name(),
                s.verificationLevel(),
                s.systemChannel(),
                s.roles().stream().map(r -> r.id().equals(role.id()) ? role : r).toList(),
                s.channels(),
                s.memberRoles());
    }

    static ServerSnapshot replaceChannel(ServerSnapshot s, ChannelSnapshot channel) {
        return new ServerSnapshot(
                s.name(),
                s.verificationLevel(),
                s.systemChannel(),
                s.roles(),
                s.channels().stream()
                        .map(c -> c.id().equals(channel.id()) ? channel : c)
                        .toList(),
                s.memberRoles());
    }

    static final ChannelSnapshot SPAM =
            new ChannelSnapshot("99", "raid-spam", "TEXT", null, 3, null, 0, false, List.of());

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("an untouched server", RestoreOptions.ALL, now(s -> s), List.of()),
                Arguments.of(
                        "a role deleted: recreated, its overwrite changed, members get it back",
                        RestoreOptions.ALL,
                        now(s -> withoutRole(s, "11")),
                        List.of(
                                "CREATE_ROLE Mods",
                                "UPDATE_CHANNEL mod-log [permissions]",
                                "ADD_MEMBER_ROLES 100 [11]",
                                "ADD_MEMBER_ROLES 101 [11]")),
                Arguments.of(
                        "a category deleted: recreated before the channel it holds is put back in it",
                        RestoreOptions.ALL,
                        now(s -> withoutChannel(s, "20")),
                        List.of("CREATE_CATEGORY Staff", "UPDATE_CHANNEL mod-log [category]")),
                Arguments.of(
                        "a channel deleted and one created by the raid",
                        RestoreOptions.ALL,
                        now(s -> plusChannel(withoutChannel(s, "21"), SPAM)),
                        List.of("CREATE_CHANNEL mod-log", "DELETE_CHANNEL raid-spam")),
                Arguments.of(
                        "skip deletions keeps what the backup did not have",
                        RestoreOptions.of("all", true),
                        now(s -> plusChannel(withoutChannel(s, "21"), SPAM)),
                        List.of("CREATE_CHANNEL mod-log")),
                Arguments.of(
                        "a role recreated by hand under its name is changed, not doubled",
                        RestoreOptions.ALL,
                        plusRole(
                                withoutRole(BACKUP, "11"),
                                new RoleSnapshot("77", "Mods", 0, false, false, 1024, 3, false)),
                        List.of(
                                "UPDATE_ROLE Mods [permissions, color, hoist]", "UPDATE_CHANNEL mod-log [permissions]",
                                "ADD_MEMBER_ROLES 100 [11]", "ADD_MEMBER_ROLES 101 [11]")),
                Arguments.of(
                        "renamed server, edited topic and @everyone's permissions",
                        RestoreOptions.ALL,
                        now(s -> replaceChannel(
                                replaceRole(
                                        new ServerSnapshot(
                                                "HACKED",
                                                "NONE",
                                                s.systemChannel(),
                                                s.roles(),
                                                s.channels(),
                                                s.memberRoles()),
                                        new RoleSnapshot("1", "@everyone", 0, false, false, 8, 0, true)),
                                new ChannelSnapshot("22", "general", "TEXT", null, 2, "pwned", 0, true, List.of()))),
                        List.of(
                                "UPDATE_ROLE @everyone [permissions]",
                                "UPDATE_CHANNEL general [topic, nsfw]",
                                "UPDATE_SERVER Guild [name, verification]")),
                Arguments.of(
                        "member roles only: nothing structural, and only roles that exist",
                        new RestoreOptions(false, false, true),
                        new ServerSnapshot(
                                "HACKED",
                                "NONE",
                                "22",
                                List.of(EVERYONE, MEMBERS),
                                List.of(GENERAL, SPAM),
                                Map.of("100", List.of(), "101", List.of(), "102", List.of())),
                        List.of("ADD_MEMBER_ROLES 101 [10]")),
                Arguments.of(
                        "structure only: no member roles",
                        RestoreOptions.of("structure", false),
                        now(s -> withoutRole(s, "11")),
                        List.of("CREATE_ROLE Mods", "UPDATE_CHANNEL mod-log [permissions]")),
                Arguments.of(
                        "a member who left is not planned for",
                        RestoreOptions.ALL,
                        now(s -> new ServerSnapshot(
                                s.name(),
                                s.verificationLevel(),
                                s.systemChannel(),
                                s.roles(),
                                s.channels(),
                                Map.of("101", List.of("10"), "102", List.of()))),
                        List.of("ADD_MEMBER_ROLES 101 [11]")));
    }

    static ServerSnapshot plusRole(ServerSnapshot s, RoleSnapshot role) {
        List<RoleSnapshot> roles = new ArrayList<>(s.roles());
        roles.add(role);
        return new ServerSnapshot(
                s.name(), s.verificationLevel(), s.systemChannel(), roles, s.channels(), s.memberRoles());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String damage, RestoreOptions options, ServerSnapshot now, List<String> expected) {
        List<String> plan = RestorePlanner.plan(BACKUP, now, options).stream()
                .map(s -> s.kind() + " " + s.name() + (s.changes().isEmpty() ? "" : " " + s.changes()))
                .toList();
        assertThat(plan).isEqualTo(expected);
    }
}
