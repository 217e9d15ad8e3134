package warden.automod;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.platform.Commands;
import warden.sanctions.InfractionId;
import warden.sanctions.RecordInfraction;

/**
 * Records what automod found as infractions. Each id comes from the Discord message and the module, so a gateway
 * event delivered twice (after a resume) records nothing the second time. The guild's lane hands the command to
 * {@link Commands#send} and goes on with the next message: one member's infractions are written in the order
 * Discord delivered them, many members' at once, and a database outage is waited out, not lost.
 */
@Component
@ConditionalOnDiscord
class InfractionRecorder {

    private static final Logger log = LoggerFactory.getLogger(InfractionRecorder.class);

    private final Commands commands;
    private final GuildTexts texts;
    private final Counter failures;

    InfractionRecorder(Commands commands, GuildTexts texts, MeterRegistry meters) {
        this.commands = commands;
        this.texts = texts;
        this.failures = Counter.builder("warden.automod.record.failures")
                .description("infractions that could not be recorded")
                .register(meters);
    }

    void record(ChatMessage message, Violation violation) {
        InfractionId id =
                InfractionId.of("msg:" + message.id() + ":" + violation.module().key());
        MemberKey member = new MemberKey(message.guild(), message.author());
        commands.send(new RecordInfraction(
                        member,
                        id,
                        violation.module().infractionType(),
                        Actor.automod(violation.module().key()),
                        texts.stored(
                                violation.reasonCode(), violation.reasonArgs().toArray()),
                        violation.evidence(message.channel().toString(), message.id(), message.content()),
                        message.timestamp(),
                        null))
                .whenComplete((result, error) -> {
                    if (error != null) {
                        failures.increment();
                        log.error("Could not record infraction {} of {}", id, member, error);
                    }
                });
    }
}
