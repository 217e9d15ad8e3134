package warden.sanctions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.discord.ConditionalOnDiscord;
import warden.ledger.Case;
import warden.ledger.FindCase;
import warden.platform.QueryResults;

/**
 * What moderators type to name a case: its number ({@code 42}, {@code #42}, or a proposal such as
 * {@code #42 ban @member spam}), or the id Warden gave it. A number is looked up; an id is taken as it is.
 */
@Component
@ConditionalOnDiscord
class Cases {

    /** How long a moderator's answer waits for the new case's number (the numbering follows the event closely). */
    static final java.time.Duration NUMBER_WAIT = java.time.Duration.ofSeconds(3);
    /** The same for a member's DM, sent by the executor: shorter, so that a raid's bans are not held back. */
    static final java.time.Duration DM_NUMBER_WAIT = java.time.Duration.ofSeconds(1);

    private static final Pattern NUMBER = Pattern.compile("^#?(\\d{1,9})(?:\\s.*)?$", Pattern.DOTALL);

    private final QueryGateway queries;

    Cases(QueryGateway queries) {
        this.queries = queries;
    }

    /** The latest cases of a kind, of one member when given, as a moderator is offered them: {@code #42 <id>}. */
    java.util.List<String> proposals(GuildId guild, String kind, Long member) {
        java.util.List<Case> recent = QueryResults.join(queries.query(
                new warden.ledger.FindRecentCases(guild, kind, member, 25),
                ResponseTypes.multipleInstancesOf(Case.class)));
        return recent.stream().map(c -> "#" + c.number() + " " + c.refId()).toList();
    }

    /**
     * The id of the {@code kind} ({@code sanction}, {@code infraction}) that {@code typed} names in {@code guild}; when
     * {@code member} is given, the case must be theirs.
     */
    String refOf(GuildId guild, String typed, String kind, Long member) {
        String text = typed.strip();
        Matcher number = NUMBER.matcher(text);
        if (!number.matches()) return text;
        long n = Long.parseLong(number.group(1));
        Case found =
                QueryResults.join(queries.query(new FindCase(guild, n, kind), ResponseTypes.instanceOf(Case.class)));
        if (found == null) throw new CommandRefusedException("error.case.unknown", n);
        if (!found.kind().equals(kind)) throw new CommandRefusedException("error.case.kind", n, found.kind());
        if (member != null && !found.userId().equals(Long.toUnsignedString(member))) {
            throw new CommandRefusedException("error.case.otherMember", n);
        }
        return found.refId();
    }

    /**
     * How a moderator is told of a case just made: {@code #42} once the numbering has it, else (the numbering is behind
     * by more than the wait) the id Warden gave it, which every command accepts too.
     */
    String label(GuildId guild, String ref) {
        return label(guild, ref, NUMBER_WAIT);
    }

    String label(GuildId guild, String ref, java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            java.util.Optional<Long> number = QueryResults.join(queries.query(
                            new warden.ledger.FindCaseViews(guild, java.util.List.of(ref)),
                            ResponseTypes.multipleInstancesOf(warden.ledger.CaseView.class)))
                    .stream()
                    .map(warden.ledger.CaseView::number)
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
            if (number.isPresent()) return "#" + number.get();
            if (System.nanoTime() > deadline) return ref;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ref;
            }
        }
    }
}
