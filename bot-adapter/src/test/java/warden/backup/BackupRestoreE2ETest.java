package warden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.WardenApplication;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.Fault;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;

/**
 * A backup taken, a raid that deletes roles and channels, the dry-run plan that lists exactly what it broke, and the
 * confirmed restore, interrupted by a node stopping in the middle and finished by the next node, that recreates them
 * with their permission overwrites and gives members their roles back, without doubling anything.
 */
class BackupRestoreE2ETest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    FakeDiscord fake;
    World.GuildSpec g;
    long owner, general;

    @Test
    void aRaidIsRepairedFromTheBackupAcrossARestart() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            fake = discord;
            g = fake.world().guild("Backed up");
            owner = g.member("owner");
            g.owner(owner);
            long info = g.category("Info");
            long rules = g.channel("rules", World.TEXT, info);
            g.textSettings(rules, "Be nice", 10, false);
            general = g.channel("general");
            g.systemChannel(general);
            long staff = g.category("Staff");
            long modLog = g.channel("mod-log", World.TEXT, staff);
            g.channel("Lounge", World.VOICE, null);
            long members = g.role("Members", Permission.EVERYONE, 1);
            long mods = g.role("Moderators", Permission.EVERYONE | Permission.KICK_MEMBERS, 2);
            g.roleStyle(mods, 0x3498db, true, false);
            g.deny(modLog, g.id(), Permission.VIEW_CHANNEL);
            g.allow(modLog, mods, 0, Permission.VIEW_CHANNEL);
            long alice = g.member("alice", mods);
            long bob = g.member("bob", members, mods);
            g.withWarden(Permission.ADMINISTRATOR | Permission.MODERATION_BOT, 10);
            fake.start();

            String restoreId;
            try (ConfigurableApplicationContext first = node()) {
                String taken = slash("create", List.of(Map.of("name", "label", "type", 3, "value", "before the raid")));
                Matcher id = Pattern.compile(
                                "^Backup `([0-9a-f]{8})` taken: 3 roles, 6 channels and categories, 3 members")
                        .matcher(taken);
                assertThat(id.find()).as(taken).isTrue();
                String backupId = id.group(1);
                JdbcClient db = first.getBean(JdbcClient.class);
                await().atMost(WAIT)
                        .until(() -> db.sql("select count(*) from backup where backup_id = ?")
                                        .param(backupId)
                                        .query(Long.class)
                                        .single()
                                == 1);

                // the raid: channels, a category and a role deleted, a spam channel created, the server renamed
                fake.deleteChannel(g.id(), rules);
                fake.deleteChannel(g.id(), modLog);
                fake.deleteChannel(g.id(), staff);
                fake.deleteRole(g.id(), mods);
                fake.createChannel(g.id(), "raid-spam");
                fake.renameGuild(g.id(), "HACKED");
                assertThat(g.memberOf(alice).roles()).isEmpty();

                fake.clearRequests();
                String plan = slash("load", List.of(Map.of("name", "backup", "type", 3, "value", backupId)));
                assertThat(plan).isEqualTo("""
                        Restoring backup `%s` would take 8 step(s):
                        - create role **Moderators**
                        - create category **Staff**
                        - create channel **rules**
                        - create channel **mod-log**
                        - change the server's settings (name)
                        - delete channel **raid-spam**
                        - give <@%d> back 1 role(s)
                        - give <@%d> back 1 role(s)
                        Nothing has changed yet. To run this plan, repeat the command with `confirm:True`.""".formatted(backupId, alice, bob));
                assertThat(changesMadeOnDiscord())
                        .as("a dry run changes nothing")
                        .isEmpty();

                // Discord slows the first creation down; the node stops while it waits
                fake.inject(Fault.rateLimited("POST", "guilds/\\d+/roles", 3));
                String started = slash(
                        "load",
                        List.of(
                                Map.of("name", "backup", "type", 3, "value", "latest"),
                                Map.of("name", "confirm", "type", 5, "value", true)));
                Matcher restore = Pattern.compile("^Restore `([0-9a-f]{8})` started: 8 step\\(s\\)")
                        .matcher(started);
                assertThat(restore.find()).as(started).isTrue();
                restoreId = restore.group(1);
                fake.awaitRequest(
                        r -> r.is("POST", "guilds/\\d+/roles") && r.status() == 429, WAIT, "the first role creation");
            }
            assertThat(g.channels().stream().filter(c -> c.name().equals("mod-log")))
                    .as("the restore stopped with the node")
                    .isEmpty();

            try (ConfigurableApplicationContext second = node()) {
                RecordedRequest report = fake.awaitRequest(
                        r -> r.is("POST", "channels/" + general + "/messages")
                                && String.valueOf(r.text("content")).startsWith("Restore `" + restoreId + "` finished"),
                        WAIT,
                        "the restore's report");
                JdbcClient db = second.getBean(JdbcClient.class);
                assertThat(report.text("content"))
                        .startsWith("Restore `" + restoreId + "` finished: 8 step(s) done, 0 failed, 0 skipped.");
                assertThat(db.sql(
                                        "select count(*) from domainevententry where payloadtype = 'warden.backup.RestoreResumed'")
                                .query(Long.class)
                                .single())
                        .as("taken up again where it stopped")
                        .isEqualTo(1);
            }
            assertThat(fake.requests("POST", "guilds/\\d+/roles").stream()
                            .filter(r -> r.status() == 200)
                            .count())
                    .as("one role created in all")
                    .isEqualTo(1);

            assertThat(g.name()).isEqualTo("Backed up");
            List<World.RoleSpec> moderators = g.roles().stream()
                    .filter(r -> r.name().equals("Moderators"))
                    .toList();
            assertThat(moderators).hasSize(1);
            World.RoleSpec newMods = moderators.get(0);
            assertThat(newMods.permissions()).isEqualTo(Permission.EVERYONE | Permission.KICK_MEMBERS);
            assertThat(newMods.color()).isEqualTo(0x3498db);
            assertThat(newMods.hoist()).isTrue();
            assertThat(g.memberOf(alice).roles()).containsExactly(newMods.id());
            assertThat(g.memberOf(bob).roles()).containsExactlyInAnyOrder(members, newMods.id());

            World.ChannelSpec newStaff = only("Staff");
            assertThat(newStaff.type()).isEqualTo(World.CATEGORY);
            World.ChannelSpec newModLog = only("mod-log");
            assertThat(newModLog.parentId()).isEqualTo(newStaff.id());
            assertThat(newModLog.overwrites())
                    .containsOnly(
                            Map.entry(g.id(), new World.Overwrite(g.id(), 0, 0, Permission.VIEW_CHANNEL)),
                            Map.entry(newMods.id(), new World.Overwrite(newMods.id(), 0, Permission.VIEW_CHANNEL, 0)));
            World.ChannelSpec newRules = only("rules");
            assertThat(newRules.parentId()).isEqualTo(info);
            assertThat(newRules.topic()).isEqualTo("Be nice");
            assertThat(newRules.slowmode()).isEqualTo(10);
            assertThat(g.channels().stream().map(World.ChannelSpec::name)).doesNotContain("raid-spam");
        }
    }

    private World.ChannelSpec only(String name) {
        List<World.ChannelSpec> found =
                g.channels().stream().filter(c -> c.name().equals(name)).toList();
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private List<RecordedRequest> changesMadeOnDiscord() {
        return fake.requests().stream()
                .filter(r -> !r.method().equals("GET")
                        && (r.path().startsWith("guilds/") || r.path().startsWith("channels/")))
                .toList();
    }

    private String slash(String sub, List<Map<String, Object>> options) throws Exception {
        String token = fake.slashCommand(
                g.id(), general, owner, "backup", List.of(Map.of("name", sub, "type", 1, "options", options)), "en-US");
        return fake.awaitInteractionAnswer(token, WAIT).content();
    }

    /** A node, once its shard is ready (it registers its commands when every guild has arrived). */
    private ConfigurableApplicationContext node() throws Exception {
        int registered = fake.requests("PUT", "applications/\\d+/commands").size();
        ConfigurableApplicationContext node = start();
        await().atMost(WAIT)
                .until(() -> fake.requests("PUT", "applications/\\d+/commands").size() > registered);
        return node;
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WardenApplication.class)
                .run(
                        "--server.port=0",
                        "--warden.embedded-db.data-dir=" + dataDir,
                        "--warden.embedded-db.working-dir=target/embedded-pg",
                        "--warden.embedded-db.durable=false",
                        "--warden.scheduler.polling-interval=500ms",
                        "--warden.discord.token=fake-bot-token",
                        "--warden.discord.api-base-url=" + fake.restBaseUrl(),
                        "--warden.discord.gateway-url=" + fake.gatewayUrl(),
                        "--logging.level.org.axonframework=WARN");
    }
}
