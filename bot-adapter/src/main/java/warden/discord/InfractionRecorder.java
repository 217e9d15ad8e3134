package warden.discord;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.automod.ChatMessage;
import warden.automod.Violation;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.sanctions.InfractionId;
import warden.sanctions.RecordInfraction;

/**
 * Records what automod found as infractions. Each id comes from the Discord message and the module, so a gateway
 * event delivered twice (after a resume) records nothing the second time.
 */
@Component
@ConditionalOnDiscord
class InfractionRecorder {

    private static final Logger log = LoggerFactory.getLogger(InfractionRecorder.class);

    private final CommandGateway commands;
    private final GuildTexts texts;

    InfractionRecorder(CommandGateway commands, GuildTexts texts) {
        this.commands = commands;
        this.texts = texts;
    }

    void record(ChatMessage message, Violation violation) {
        InfractionId id = InfractionId.of("msg:" + message.id() + ":" + violation.module().key());
        RecordInfraction command = new RecordInfraction(new MemberKey(message.guild(), message.author()), id,
                violation.module().infractionType(), Actor.automod(violation.module().key()),
                texts.stored(violation.reasonCode(), violation.reasonArgs().toArray()),
                violation.evidence(message.channel().toString(), message.id(), message.content()), message.timestamp(), null);
        commands.send(command).whenComplete((result, error) -> {
            if (error != null) log.error("Could not record infraction {} in guild {}", id, message.guild(), error);
        });
    }
}
