package warden.ledger;

import java.time.Instant;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.platform.QueryResults;
import warden.sanctions.InfractionType;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;

/** Moderators read a member's history and standing, and a guild's audit timeline. */
@RestController
@RequestMapping("/api/v1/guilds/{guild}")
class MemberHistoryController {

    private final QueryGateway queries;

    MemberHistoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/members/{user}/infractions")
    HistoryPage infractionLog(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @RequestParam(required = false) Set<InfractionType> type,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        return ask(new FindInfractionLog(new MemberKey(guild, user), type, from, to, page, size), HistoryPage.class);
    }

    @GetMapping("/members/{user}/standing")
    MemberStanding standing(
            @PathVariable GuildId guild, @PathVariable UserId user, @RequestParam(required = false) Instant at) {
        return ask(
                new FindMemberStanding(new MemberKey(guild, user), at == null ? Instant.now() : at),
                MemberStanding.class);
    }

    @GetMapping("/timeline")
    TimelinePage timeline(
            @PathVariable GuildId guild,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        TimelineCursor after = cursor == null || cursor.isBlank() ? null : TimelineCursor.decode(cursor);
        return ask(new FindGuildTimeline(guild, after, limit, from, to), TimelinePage.class);
    }

    /** The server's sanctions, newest first; {@code q} searches the reason and context (English and French). */
    @GetMapping("/sanctions")
    SanctionPage sanctions(
            @PathVariable GuildId guild,
            @RequestParam(required = false) UserId member,
            @RequestParam(required = false) SanctionKind kind,
            @RequestParam(required = false) String moderator,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean removed,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        return ask(
                new FindSanctions(guild, member, kind, moderator, active, from, to, q, removed, page, size),
                SanctionPage.class);
    }

    @GetMapping("/sanctions/{sanction}/explanation")
    SanctionExplanation explanation(@PathVariable GuildId guild, @PathVariable SanctionId sanction) {
        return ask(new ExplainSanction(guild, sanction), SanctionExplanation.class);
    }

    private <Q, R> R ask(Q query, Class<R> type) {
        return QueryResults.join(queries.query(query, ResponseTypes.instanceOf(type)));
    }
}
