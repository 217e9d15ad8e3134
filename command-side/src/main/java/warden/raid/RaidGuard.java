package warden.raid;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import warden.common.CommandRefusedException;
import warden.common.UserId;

/**
 * A server's raid mode: at most one raid at a time, the accounts that joined during it, and its end. Two nodes (or a
 * detector and an admin) starting a raid at once make one raid: the second is refused.
 */
@Aggregate
public class RaidGuard {

    @AggregateIdentifier
    private String id;

    private String raidId;
    private final Set<UserId> accounts = new LinkedHashSet<>();

    protected RaidGuard() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(StartRaid cmd) {
        if (raidId != null) throw new CommandRefusedException("error.raid.alreadyOn", raidId);
        apply(new RaidStarted(
                cmd.guild(),
                cmd.raidId(),
                cmd.detected(),
                cmd.joined().size(),
                cmd.previousVerification(),
                cmd.lockdownUntil(),
                cmd.by(),
                cmd.occurredAt()));
        for (UserId account : cmd.joined())
            apply(new RaidJoinRecorded(cmd.guild(), cmd.raidId(), account, cmd.occurredAt()));
        return cmd.raidId();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordRaidJoin cmd) {
        if (raidId == null || accounts.contains(cmd.account())) return;
        apply(new RaidJoinRecorded(cmd.guild(), raidId, cmd.account(), cmd.occurredAt()));
    }

    /** Answers with the accounts that joined during the raid. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<UserId> handle(EndRaid cmd) {
        if (raidId == null) throw new CommandRefusedException("error.raid.notOn");
        List<UserId> joined = new ArrayList<>(accounts);
        apply(new RaidEnded(cmd.guild(), raidId, accounts.size(), cmd.by(), cmd.occurredAt()));
        return joined;
    }

    @EventSourcingHandler
    void on(RaidStarted e) {
        id = "raid:" + e.guild();
        raidId = e.raidId();
        accounts.clear();
    }

    @EventSourcingHandler
    void on(RaidJoinRecorded e) {
        accounts.add(e.account());
    }

    @EventSourcingHandler
    void on(RaidEnded e) {
        raidId = null;
    }
}
