package warden.reports;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import warden.common.CommandRefusedException;
import warden.common.UserId;

/** A report (signalement): filed by a member, claimed by one moderator, then resolved or dismissed, its history kept. */
@Aggregate
public class Report {

    @AggregateIdentifier
    private String reportId;

    private UserId reporter;
    private UserId claimedBy;
    private boolean closed;

    protected Report() {
        // for Axon
    }

    @CommandHandler
    Report(FileReport cmd) {
        apply(new ReportFiled(
                cmd.guild(),
                cmd.reportId(),
                cmd.reporter(),
                cmd.target(),
                cmd.channel(),
                cmd.message(),
                cmd.excerpt(),
                cmd.reason().strip(),
                cmd.occurredAt()));
    }

    @CommandHandler
    void handle(ClaimReport cmd) {
        if (closed) throw new CommandRefusedException("error.report.closed", reportId);
        if (cmd.moderator().equals(claimedBy)) return;
        if (claimedBy != null)
            throw new CommandRefusedException("error.report.claimed", reportId, "<@" + claimedBy + ">");
        apply(new ReportClaimed(cmd.guild(), reportId, cmd.moderator(), cmd.occurredAt()));
    }

    /** Answers with the reporter, who is told the outcome. */
    @CommandHandler
    UserId handle(CloseReport cmd) {
        if (closed) throw new CommandRefusedException("error.report.closed", reportId);
        if (claimedBy != null && !claimedBy.equals(cmd.moderator())) {
            throw new CommandRefusedException("error.report.claimed", reportId, "<@" + claimedBy + ">");
        }
        apply(new ReportClosed(cmd.guild(), reportId, cmd.moderator(), cmd.resolved(), cmd.note(), cmd.occurredAt()));
        return reporter;
    }

    @EventSourcingHandler
    void on(ReportFiled e) {
        reportId = e.reportId();
        reporter = e.reporter();
    }

    @EventSourcingHandler
    void on(ReportClaimed e) {
        claimedBy = e.moderator();
    }

    @EventSourcingHandler
    void on(ReportClosed e) {
        closed = true;
    }
}
