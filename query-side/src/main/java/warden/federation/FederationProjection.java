package warden.federation;

import static warden.platform.Timestamps.fromDb;
import static warden.platform.Timestamps.toDb;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.UserId;
import warden.ledger.LedgerProcessing;

/** Federations, their partners and settings, the active ban list, overrides and outcomes, for the bot and the API. */
@Component
@ProcessingGroup(LedgerProcessing.GROUP)
class FederationProjection {

    private final JdbcClient db;

    FederationProjection(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(FederationCreated e) {
        db.sql(
                        "insert into federation(federation_id, name, owner_guild, created_at) values (?,?,?,?) on conflict do nothing")
                .params(e.federationId(), e.name(), e.guild().value(), toDb(e.occurredAt()))
                .update();
        partner(e.federationId(), e.guild().value(), true, true);
    }

    @EventHandler
    void on(PartnerJoined e) {
        partner(e.federationId(), e.guild().value(), e.publish(), e.subscribe());
    }

    private void partner(String federation, long guild, boolean publish, boolean subscribe) {
        db.sql("""
                        insert into federation_partner(guild_id, federation_id, publish, subscribe) values (?,?,?,?)
                        on conflict (guild_id) do update set federation_id = excluded.federation_id, publish = excluded.publish,
                            subscribe = excluded.subscribe, suspended = false, mode = 'AUTOMATIC', alert_channel = null,
                            never_users = '', never_roles = '', team_access = false""").params(guild, federation, publish, subscribe).update();
    }

    @EventHandler
    void on(PartnerLeft e) {
        db.sql("delete from federation_partner where guild_id = ? and federation_id = ?")
                .params(e.guild().value(), e.federationId())
                .update();
    }

    @EventHandler
    void on(PartnerSuspended e) {
        db.sql("update federation_partner set suspended = true where guild_id = ? and federation_id = ?")
                .params(e.partner().value(), e.federationId())
                .update();
    }

    @EventHandler
    void on(SubscriptionChanged e) {
        db.sql("update federation_partner set mode = ?, alert_channel = ? where guild_id = ? and federation_id = ?")
                .params(
                        e.mode().name(),
                        e.alertChannel() == null ? null : Long.parseUnsignedLong(e.alertChannel()),
                        e.guild().value(),
                        e.federationId())
                .update();
    }

    @EventHandler
    void on(NeverBanChanged e) {
        db.sql(
                        "update federation_partner set never_users = ?, never_roles = ? where guild_id = ? and federation_id = ?")
                .params(
                        e.users().stream().map(UserId::toString).sorted().collect(Collectors.joining(",")),
                        e.roles().stream().sorted().collect(Collectors.joining(",")),
                        e.guild().value(),
                        e.federationId())
                .update();
    }

    @EventHandler
    void on(StaffRoleChanged e) {
        db.sql("update federation set staff_role = ? where federation_id = ?")
                .params(e.role() == null ? null : Long.parseUnsignedLong(e.role()), e.federationId())
                .update();
    }

    @EventHandler
    void on(TeamAccessChanged e) {
        db.sql("update federation_partner set team_access = ? where guild_id = ? and federation_id = ?")
                .params(e.allowed(), e.guild().value(), e.federationId())
                .update();
    }

    @EventHandler
    void on(BanPublished e) {
        db.sql("""
                        insert into federation_entry(federation_id, entry_id, user_id, reason, evidence, publisher, published_by, active, published_at)
                        values (?,?,?,?,?,?,?,true,?) on conflict do nothing""")
                .params(
                        e.federationId(),
                        e.entryId(),
                        e.user().value(),
                        e.reason(),
                        String.join("\n", e.evidence()),
                        e.publisher().value(),
                        e.by().toString(),
                        toDb(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(BanRevoked e) {
        db.sql("update federation_entry set active = false where federation_id = ? and entry_id = ?")
                .params(e.federationId(), e.entryId())
                .update();
    }

    @EventHandler
    void on(EntryOverridden e) {
        db.sql(
                        "insert into federation_override(federation_id, entry_id, guild_id) values (?,?,?) on conflict do nothing")
                .params(e.federationId(), e.entryId(), e.guild().value())
                .update();
    }

    @EventHandler
    void on(EnforcementRecorded e) {
        db.sql("""
                        insert into federation_outcome(federation_id, entry_id, guild_id, outcome, detail, at) values (?,?,?,?,?,?)
                        on conflict (federation_id, entry_id, guild_id) do update set outcome = excluded.outcome, detail = excluded.detail, at = excluded.at""")
                .params(
                        e.federationId(),
                        e.entryId(),
                        e.guild().value(),
                        e.outcome().name(),
                        e.detail() == null || e.detail().length() <= 500
                                ? e.detail()
                                : e.detail().substring(0, 500),
                        toDb(e.occurredAt()))
                .update();
    }

    @QueryHandler
    FederationView handle(FindGuildFederation query) {
        return db.sql("select federation_id from federation_partner where guild_id = ?")
                .param(query.guild().value())
                .query(String.class)
                .optional()
                .map(this::view)
                .orElse(FederationView.NONE);
    }

    @QueryHandler
    FederationView handle(FindFederation query) {
        return view(query.federationId());
    }

    private FederationView view(String federationId) {
        return db.sql("select name, owner_guild, staff_role from federation where federation_id = ?")
                .param(federationId)
                .query((rs, n) -> {
                    long role = rs.getLong("staff_role");
                    return new FederationView(
                            federationId,
                            rs.getString("name"),
                            Long.toUnsignedString(rs.getLong("owner_guild")),
                            role == 0 ? null : Long.toUnsignedString(role),
                            partners(federationId),
                            entries(federationId),
                            overrides(federationId),
                            outcomes(federationId));
                })
                .optional()
                .orElse(FederationView.NONE);
    }

    private List<FederationView.Partner> partners(String federationId) {
        return db.sql("select * from federation_partner where federation_id = ? order by guild_id")
                .param(federationId)
                .query((rs, n) -> {
                    long channel = rs.getLong("alert_channel");
                    return new FederationView.Partner(
                            Long.toUnsignedString(rs.getLong("guild_id")),
                            rs.getBoolean("publish"),
                            rs.getBoolean("subscribe"),
                            rs.getBoolean("suspended"),
                            EnforcementMode.valueOf(rs.getString("mode")),
                            channel == 0 ? null : Long.toUnsignedString(channel),
                            split(rs.getString("never_users")),
                            split(rs.getString("never_roles")),
                            rs.getBoolean("team_access"));
                })
                .list();
    }

    private static Set<String> split(String text) {
        return text == null || text.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(text.split(",")));
    }

    private List<FederationView.Entry> entries(String federationId) {
        return db.sql(
                        "select * from federation_entry where federation_id = ? and active order by published_at, entry_id")
                .param(federationId)
                .query((rs, n) -> new FederationView.Entry(
                        rs.getString("entry_id"),
                        Long.toUnsignedString(rs.getLong("user_id")),
                        rs.getString("reason"),
                        rs.getString("evidence").isEmpty()
                                ? List.of()
                                : List.of(rs.getString("evidence").split("\n")),
                        Long.toUnsignedString(rs.getLong("publisher")),
                        rs.getString("published_by"),
                        fromDb(rs, "published_at")))
                .list();
    }

    private Set<String> overrides(String federationId) {
        return new HashSet<>(db.sql("select guild_id, entry_id from federation_override where federation_id = ?")
                .param(federationId)
                .query((rs, n) -> Long.toUnsignedString(rs.getLong(1)) + ":" + rs.getString(2))
                .list());
    }

    private Map<String, String> outcomes(String federationId) {
        Map<String, String> outcomes = new HashMap<>();
        db.sql("select entry_id, guild_id, outcome from federation_outcome where federation_id = ?")
                .param(federationId)
                .query((rs, n) ->
                        outcomes.put(rs.getString(1) + ":" + Long.toUnsignedString(rs.getLong(2)), rs.getString(3)))
                .list();
        return outcomes;
    }

    @ResetHandler
    void reset() {
        db.sql("truncate federation, federation_partner, federation_entry, federation_override, federation_outcome")
                .update();
    }
}
