package warden.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import warden.api.ApiRole;

/** The panel role a Discord user gets in a guild from the owner flag and permission bits Discord lists. */
class DiscordPanelUsersTest {

    @ParameterizedTest(name = "owner={0} permissions={1} -> {2}")
    @CsvSource(
            nullValues = "none",
            value = {
                "true,  0,             ADMIN", // the owner, whatever the bits
                "false, 8,             ADMIN", // Administrator
                "false, 32,            ADMIN", // Manage Server
                "false, 2,             MODERATOR", // Kick Members
                "false, 4,             MODERATOR", // Ban Members
                "false, 8192,          MODERATOR", // Manage Messages
                "false, 1099511627776, MODERATOR", // Moderate Members (timeouts)
                "false, 1024,          none", // View Channel only
                "false, 0,             none",
            })
    void roleFromDiscordPermissions(boolean owner, long permissions, ApiRole expected) {
        assertThat(DiscordPanelUsers.role(owner, permissions)).isEqualTo(expected);
    }
}
