package warden.automod;

import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import warden.automod.ChatMessage;
import warden.automod.Violation;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.sanctions.InfractionId;
import warden.sanctions.RecordInfraction;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Records what automod found as infractions. Each id comes from the Discord message and the module, so a gateway
 * event delivered twice (after a resume) records nothing the second time. Recording writes to the event store, so
 * it runs on threads of its own: JDA's gateway thread only detects and acts, and never waits for the database. One
 * member's infractions always go through the same thread, in the order Discord delivered them. When a queue is
 * full the gateway thread records itself, which slows intake instead of dropping infractions.
 */
@Component
@ConditionalOnDiscord
class InfractionRecorder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InfractionRecorder.class);
    private static final int THREADS = 4;
    private static final int QUEUE = 10_000;

    private final CommandGateway commands;
    private final GuildTexts texts;
    private final ThreadPoolExecutor[] lanes = new ThreadPoolExecutor[THREADS];

    InfractionRecorder(CommandGateway commands, GuildTexts texts) {
        this.commands = commands;
        this.texts = texts;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("infraction-recorder-");
        for (int i = 0; i < THREADS; i++) {
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE / THREADS), threads,
                    new ThreadPoolExecutor.CallerRunsPolicy());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        for (ThreadPoolExecutor lane : lanes) lane.shutdown();
        for (ThreadPoolExecutor lane : lanes) {
            if (!lane.awaitTermination(30, TimeUnit.SECONDS)) log.warn("Infractions still queued at shutdown: {}", lane.getQueue().size());
        }
    }

    void record(ChatMessage message, Violation violation) {
        InfractionId id = InfractionId.of("msg:" + message.id() + ":" + violation.module().key());
        RecordInfraction command = new RecordInfraction(new MemberKey(message.guild(), message.author()), id,
                violation.module().infractionType(), Actor.automod(violation.module().key()),
                texts.stored(violation.reasonCode(), violation.reasonArgs().toArray()),
                violation.evidence(message.channel().toString(), message.id(), message.content()), message.timestamp(), null);
        MemberKey member = command.member();
        lanes[Math.floorMod(member.hashCode(), THREADS)].execute(() -> {
            try {
                commands.sendAndWait(command);
            } catch (RuntimeException error) {
                log.error("Could not record infraction {} in guild {}", id, message.guild(), error);
            }
        });
    }
}
