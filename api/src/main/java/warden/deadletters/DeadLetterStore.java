package warden.deadletters;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.CommandRefusedException;

/**
 * The parked side effects as operators see and act on them, read from Axon's dead-letter table so that any node
 * answers: a sequence retried at once (by the node that holds its shard, within a second) or dropped.
 */
@Component
public class DeadLetterStore {

    /** A letter being retried is claimed for this long (Axon's default claim). */
    private static final String UNCLAIMED =
            "(processingstarted is null or processingstarted < to_char(now() at time zone 'utc' - interval '30 seconds',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))";

    public record Letter(
            String processor,
            String sequence,
            long index,
            String event,
            String eventId,
            String enqueuedAt,
            String lastTriedAt,
            String error,
            String message) {}

    private final JdbcClient db;

    DeadLetterStore(JdbcClient db) {
        this.db = db;
    }

    public List<Letter> list() {
        return db.sql("""
                        select processinggroup, sequenceidentifier, sequenceindex, payloadtype, eventidentifier,
                               enqueuedat, lasttouched, causetype, causemessage
                        from deadletterentry order by enqueuedat, processinggroup, sequenceidentifier, sequenceindex
                        limit 1000""")
                .query((rs, n) -> new Letter(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4).substring(rs.getString(4).lastIndexOf('.') + 1),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /** How many letters are parked. */
    public long count() {
        return db.sql("select count(*) from deadletterentry").query(Long.class).single();
    }

    /** The oldest parked sequences, each by its first letter: processor, sequence, since, error. */
    public List<Map<String, Object>> oldest(int limit) {
        return db.sql("""
                        select processinggroup as processor, sequenceidentifier as sequence, enqueuedat as since,
                               causemessage as error
                        from deadletterentry where sequenceindex = (select min(sequenceindex) from deadletterentry d
                            where d.processinggroup = deadletterentry.processinggroup
                              and d.sequenceidentifier = deadletterentry.sequenceidentifier)
                        order by enqueuedat limit ?""").param(limit).query().listOfRows();
    }

    /** Due at the next round (within a second) whatever its back-off. */
    public void retry(String processor, String sequence) {
        int due = db.sql("update deadletterentry set lasttouched = '1970-01-01T00:00:00Z'"
                        + " where processinggroup = ? and sequenceidentifier = ?")
                .params(processor, sequence)
                .update();
        if (due == 0) throw new CommandRefusedException("error.deadLetter.unknown", processor, sequence);
    }

    /** Given up: the side effects of this sequence are not carried out (its later ones go on). */
    public void drop(String processor, String sequence) {
        int exists = db.sql("select count(*) from deadletterentry where processinggroup = ? and sequenceidentifier = ?")
                .params(processor, sequence)
                .query(Integer.class)
                .single();
        if (exists == 0) throw new CommandRefusedException("error.deadLetter.unknown", processor, sequence);
        int dropped = db.sql("delete from deadletterentry where processinggroup = ? and sequenceidentifier = ? and "
                        + UNCLAIMED)
                .params(processor, sequence)
                .update();
        if (dropped == 0) throw new CommandRefusedException("error.deadLetter.busy", processor, sequence);
    }
}
