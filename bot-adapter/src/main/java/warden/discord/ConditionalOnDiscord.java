package warden.discord;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import warden.platform.WardenRoles;

/**
 * Beans that only exist when Warden connects to Discord (the node runs the {@code bot} role, a token is set and the
 * bot is enabled). Without them, no event of the sanction executor is consumed, so nothing is lost while the bot is
 * away.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(ConditionalOnDiscord.Connects.class)
public @interface ConditionalOnDiscord {

    class Connects implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            String token = env.getProperty("warden.discord.token");
            return token != null
                    && !token.isBlank()
                    && env.getProperty("warden.discord.enabled", Boolean.class, true)
                    && WardenRoles.has(env, WardenRoles.BOT);
        }
    }
}
