package warden.config;

import java.time.Duration;
import org.springframework.stereotype.Component;
import warden.platform.Commands;

/**
 * Sends a policy change and answers once this node's {@link GuildPolicies} knows the version it produced, so that
 * whoever changed the policy (the REST API, a slash command) reads their own change on their next request.
 */
@Component
public class PolicyEditor {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Commands commands;
    private final GuildPolicies policies;

    public PolicyEditor(Commands commands, GuildPolicies policies) {
        this.commands = commands;
        this.policies = policies;
    }

    /** The version the change left (unchanged when the command changed nothing). */
    public long change(PolicyCommand command) {
        Long version = commands.sendAndWait(command, TIMEOUT);
        long left = version == null ? 0 : version;
        policies.awaitVersion(command.guild(), left, TIMEOUT);
        return left;
    }
}
