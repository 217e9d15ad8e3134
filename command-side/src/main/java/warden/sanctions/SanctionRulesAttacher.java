package warden.sanctions;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import warden.config.GuildPolicies;

/**
 * Attaches the guild's current sanction rules to the commands that may trigger them, so that {@code MemberRecord}
 * decides from its command alone and the decision records the policy version it used.
 */
@Component
class SanctionRulesAttacher implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final GuildPolicies policies;

    SanctionRulesAttacher(GuildPolicies policies) {
        this.policies = policies;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            Object payload = message.getPayload();
            if (payload instanceof RecordInfraction cmd && cmd.rules() == null) {
                return replace(
                        message,
                        cmd.withRules(policies.current(cmd.member().guild()).sanctionRules()));
            }
            if (payload instanceof ImposeSanction cmd && cmd.rules() == null) {
                return replace(
                        message,
                        cmd.withRules(policies.current(cmd.member().guild()).sanctionRules()));
            }
            if (payload instanceof RecordDiscordAct cmd && cmd.rules() == null && cmd.counts()) {
                return replace(
                        message,
                        cmd.withRules(policies.current(cmd.member().guild()).sanctionRules()));
            }
            return message;
        };
    }

    private static CommandMessage<?> replace(CommandMessage<?> message, Object payload) {
        return new GenericCommandMessage<>(
                new GenericMessage<>(message.getIdentifier(), payload, message.getMetaData()),
                message.getCommandName());
    }
}
