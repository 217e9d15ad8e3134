package warden.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring Boot test on a real, embedded PostgreSQL of its own (a fresh cluster per application context, under
 * {@code target/}), without fsync: tests want speed, not crash safety. The interserver cooldown is off, as tests
 * post several messages of one member at once; the test of the cooldown turns it on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        locations = "classpath:warden-test-tokens.properties",
        properties = {
            "warden.embedded-db.data-dir=target/test-pg/${random.uuid}",
            "warden.embedded-db.working-dir=target/embedded-pg",
            "warden.embedded-db.durable=false",
            "warden.scheduler.polling-interval=200ms",
            "warden.discord.token=",
            "warden.discord.interserver-cooldown=0s",
            "logging.level.org.axonframework=WARN",
            "logging.level.io.zonky=WARN"
        })
public @interface WardenSpringTest {}
