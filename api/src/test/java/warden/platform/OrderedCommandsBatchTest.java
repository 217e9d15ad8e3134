package warden.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.MemberKey;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.Evidence;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.PardonInfraction;
import warden.sanctions.RecordInfraction;

/**
 * Commands queued behind one writer are written in one transaction; a refused command in the middle of a batch
 * fails alone, and the members whose commands were rolled back with it keep a gapless stream (no stale aggregate
 * left in the cache). The default settings (8 writers, batches of 100): a test of its own settings would start a
 * second application context.
 */
@WardenSpringTest
class OrderedCommandsBatchTest {

    @Autowired
    OrderedCommands ordered;

    @Autowired
    JdbcClient db;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRefusedCommandFailsAloneAndTheOthersAreWrittenOnceInOrder() {
        MemberKey alice = MemberKey.of(8801, 1);
        MemberKey bob = MemberKey.of(8801, 2);
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        CompletableFuture<Object> refused = null;
        for (int i = 0; i < 400; i++) {
            sent.add(ordered.send(alice, record(alice, "a" + i)));
            sent.add(ordered.send(bob, record(bob, "b" + i)));
            if (i % 100 == 50) { // pardon what does not exist, between two of Alice's recorded infractions
                CompletableFuture<Object> pardon = ordered.send(
                        alice,
                        new PardonInfraction(
                                alice, InfractionId.of("nope-" + i), Actor.system("test"), null, Instant.now()));
                if (refused == null) refused = pardon;
                sent.add(pardon);
            }
        }
        Throwable failure = catchThrowable(refused::join);
        sent.forEach(f -> f.handle((result, error) -> result).join());

        assertThat(failure)
                .isInstanceOf(CompletionException.class)
                .hasRootCauseInstanceOf(CommandRefusedException.class);
        assertThat(sent.stream().filter(CompletableFuture::isCompletedExceptionally))
                .hasSize(4);
        assertThat(meters.get("warden.commands.batch").summary().max())
                .as("commands were written together")
                .isGreaterThan(1);
        for (MemberKey member : List.of(alice, bob)) {
            List<Long> sequence = db.sql(
                            "select sequencenumber from domainevententry where aggregateidentifier = ? order by sequencenumber")
                    .param(member.toString())
                    .query(Long.class)
                    .list();
            assertThat(sequence)
                    .as("gapless, each infraction once")
                    .containsExactlyElementsOf(LongStream.range(0, 400).boxed().toList());
            List<String> ids =
                    db.sql("""
                            select convert_from(payload, 'UTF8')::jsonb->>'infractionId' from domainevententry
                            where aggregateidentifier = ? order by sequencenumber""").param(member.toString()).query(String.class).list();
            String prefix = member.equals(alice) ? "a" : "b";
            assertThat(ids)
                    .as("in the order sent")
                    .containsExactlyElementsOf(
                            LongStream.range(0, 400).mapToObj(i -> prefix + i).toList());
        }
    }

    private static RecordInfraction record(MemberKey member, String id) {
        return new RecordInfraction(
                member,
                InfractionId.of(id),
                InfractionType.SPAM,
                Actor.automod("spam"),
                null,
                Evidence.none(),
                Instant.now(),
                null);
    }
}
