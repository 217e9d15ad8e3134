package warden.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Beans of one role ({@link WardenRoles}): they exist only on nodes that run it. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(ConditionalOnRole.OnRole.class)
public @interface ConditionalOnRole {

    String value();

    class OnRole implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Object role = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName())
                    .get("value");
            return WardenRoles.has(context.getEnvironment(), String.valueOf(role));
        }
    }
}
