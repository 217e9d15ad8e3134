package warden.automod;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.sanctions.InfractionId;
import warden.sanctions.RecordInfraction;

/**
 * Records what automod found as infractions. Each id comes from the Discord message and the module, so a gateway
 * event delivered twice (after a resume) records nothing the second time. It runs on the guild's lane, after the
 * message was acted on, so one member's infractions are recorded in the order Discord delivered them; a failure
 * (the database away) propagates to the lane, which logs and counts it.
 */
@Component
@ConditionalOnDiscord
class InfractionRecorder {

    private final CommandGateway commands;
    private final GuildTexts texts;

    InfractionRecorder(CommandGateway commands, GuildTexts texts) {
        this.commands = commands;
        this.texts = texts;
    }

    void record(ChatMessage message, Violation violation) {
        InfractionId id = InfractionId.of("msg:" + message.id() + ":" + violation.module().key());
        commands.sendAndWait(new RecordInfraction(new MemberKey(message.guild(), message.author()), id,
                violation.module().infractionType(), Actor.automod(violation.module().key()),
                texts.stored(violation.reasonCode(), violation.reasonArgs().toArray()),
                violation.evidence(message.channel().toString(), message.id(), message.content()), message.timestamp(), null));
    }
}
