package warden.interserver;

import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import warden.common.GuildId;
import warden.platform.QueryResults;

/** A guild's interserver links and their history: who linked, when, why unlinked. */
@RestController
class InterserverController {

    private final QueryGateway queries;

    InterserverController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/guilds/{guild}/interserver")
    List<LinkHistory> links(@PathVariable GuildId guild) {
        return QueryResults.join(
                queries.query(new FindGuildInterserver(guild), ResponseTypes.multipleInstancesOf(LinkHistory.class)));
    }
}
