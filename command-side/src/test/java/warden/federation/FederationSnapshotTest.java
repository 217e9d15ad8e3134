package warden.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.federation.FederationTest.A;
import static warden.federation.FederationTest.ADMIN;
import static warden.federation.FederationTest.B;
import static warden.federation.FederationTest.FED;
import static warden.federation.FederationTest.RAIDER;
import static warden.federation.FederationTest.T0;
import static warden.federation.FederationTest.created;
import static warden.federation.FederationTest.invited;
import static warden.federation.FederationTest.joined;
import static warden.federation.FederationTest.published;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import warden.common.EventJson;

/**
 * A federation is snapshotted as Axon writes snapshots (the application's Jackson mapper), and reads back as it was;
 * what no decision can use any more is not kept.
 */
class FederationSnapshotTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Test
    void aSnapshotReadsBackAsTheFederationItWas() throws Exception {
        Federation federation = new Federation();
        federation.on(created());
        federation.on(invited("i1", "h1", true));
        federation.on(joined(B, "i1", true));
        federation.on(published("e1", RAIDER, B));
        federation.on(new EntryOverridden(FED, "e1", A, ADMIN, T0));
        federation.on(new EnforcementRecorded(FED, "e1", A, EnforcementOutcome.SKIPPED_OVERRIDE, null, T0));
        federation.on(new RaidAlertShared(FED, B, "raid-1", 40, true, T0));

        String snapshot = JSON.writeValueAsString(federation);
        Federation restored = JSON.readValue(snapshot, Federation.class);

        assertThat(JSON.writeValueAsString(restored)).isEqualTo(snapshot);
        assertThat(snapshot).contains("\"2002\"", "\"e1\"", "SKIPPED_OVERRIDE", "raid-1", "1001:e1");
    }

    @Test
    void expiredInvitationsRevokedEntriesOverridesAndOldRaidsAreForgotten() throws Exception {
        Federation federation = new Federation();
        federation.on(created());
        federation.on(invited("old", "h-old", false)); // expires an hour after T0
        federation.on(published("e1", RAIDER, A));
        federation.on(new EntryOverridden(FED, "e1", B, ADMIN, T0));
        federation.on(new RaidAlertShared(FED, A, "raid-old", 40, true, T0));
        federation.on(new BanRevoked(FED, A, "e1", RAIDER, false, 0, ADMIN, T0.plusSeconds(60)));
        federation.on(new PartnerInvited(
                FED,
                A,
                "new",
                "h-new",
                false,
                true,
                T0.plus(java.time.Duration.ofDays(9)),
                ADMIN,
                T0.plus(java.time.Duration.ofDays(8))));
        federation.on(new RaidAlertShared(FED, A, "raid-new", 40, true, T0.plus(java.time.Duration.ofDays(8))));

        String snapshot = JSON.writeValueAsString(federation);
        assertThat(snapshot).doesNotContain("h-old", "2002:e1", "raid-old").contains("h-new", "raid-new");
    }
}
