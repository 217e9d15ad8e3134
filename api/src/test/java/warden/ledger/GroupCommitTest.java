package warden.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.common.Actor;
import warden.common.LocalizedException;
import warden.common.MemberKey;
import warden.platform.GroupCommitCommands;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.Evidence;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.PardonInfraction;
import warden.sanctions.RecordInfraction;

/**
 * The REST API's writes: senders waiting at the same time share transactions, each is answered only once its event is
 * stored, and a refused command fails alone without taking the others of its batch with it.
 */
@WardenSpringTest
class GroupCommitTest {

    private static final long GUILD = 4_400_000_000L + System.nanoTime() % 1_000_000;

    @Autowired
    GroupCommitCommands writes;

    @Autowired
    JdbcClient db;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.axonframework.commandhandling.CommandBus commandBus;

    /** A sender alone writes its command on its own thread: no hand-over to a writer thread, no wake-up to wait for. */
    @Test
    void aLoneSenderWritesItsCommandItself() {
        MemberKey member = MemberKey.of(GUILD, 999);
        List<Thread> handledOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.axonframework.common.Registration watching = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RecordInfraction record
                    && record.member().equals(member)) {
                handledOn.add(Thread.currentThread());
            }
            return chain.proceed();
        });
        try {
            for (int i = 0; i < 3; i++) {
                writes.sendAndWait(
                        new RecordInfraction(
                                member,
                                InfractionId.of("alone-" + i),
                                InfractionType.SPAM,
                                Actor.api("test"),
                                null,
                                Evidence.none(),
                                Instant.now(),
                                null),
                        30,
                        TimeUnit.SECONDS);
            }
        } finally {
            watching.cancel();
        }
        assertThat(handledOn).hasSize(3).containsOnly(Thread.currentThread());
        assertThat(db.sql("select count(*) from domainevententry where aggregateidentifier = ?")
                        .param(member.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void waitingSendersShareCommitsAndARefusalFailsAlone() throws Exception {
        int senders = 16;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int s = 0; s < senders; s++) {
                int sender = s;
                answers.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    StringBuilder outcome = new StringBuilder();
                    for (int i = 0; i < 10; i++) {
                        MemberKey member = MemberKey.of(GUILD, 100 + (sender * 10 + i) % 40);
                        if (i == 5) {
                            try {
                                writes.sendAndWait(
                                        new PardonInfraction(
                                                member,
                                                InfractionId.of("never-recorded-" + sender),
                                                Actor.api("test"),
                                                null,
                                                Instant.now()),
                                        30,
                                        TimeUnit.SECONDS);
                                outcome.append("pardon accepted?");
                            } catch (LocalizedException
                                    | org.axonframework.commandhandling.CommandExecutionException
                                    | org.axonframework.modelling.command.AggregateNotFoundException refused) {
                                outcome.append("refused;");
                            }
                            continue;
                        }
                        String id = "gc-" + sender + "-" + i;
                        writes.sendAndWait(
                                new RecordInfraction(
                                        member,
                                        InfractionId.of(id),
                                        InfractionType.SPAM,
                                        Actor.api("test"),
                                        null,
                                        Evidence.none(),
                                        Instant.now(),
                                        null),
                                30,
                                TimeUnit.SECONDS);
                        // acknowledged means durable: the event is in the store when the sender is answered
                        long stored = db.sql(
                                        "select count(*) from domainevententry where aggregateidentifier = ? and convert_from(payload, 'UTF8') like ?")
                                .params(member.toString(), "%" + id + "%")
                                .query(Long.class)
                                .single();
                        outcome.append(stored == 1 ? "stored;" : "missing " + id + ";");
                    }
                    return outcome.toString();
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS))
                        .isEqualTo("stored;".repeat(5) + "refused;" + "stored;".repeat(4));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(meters.get("warden.commands.batch")
                        .tag("writers", "waiting")
                        .summary()
                        .max())
                .as("commands of senders waiting at the same time written in one transaction")
                .isGreaterThan(1);
        assertThatThrownBy(() -> writes.sendAndWait(
                        new PardonInfraction(
                                MemberKey.of(GUILD, 100),
                                InfractionId.of("nope"),
                                Actor.api("test"),
                                null,
                                Instant.now()),
                        30,
                        TimeUnit.SECONDS))
                .isInstanceOfAny(
                        LocalizedException.class, org.axonframework.commandhandling.CommandExecutionException.class);
    }
}
