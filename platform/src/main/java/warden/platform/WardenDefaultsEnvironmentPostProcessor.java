package warden.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code warden-defaults.properties} as the last property source, so that every role (and every module's
 * tests) shares one set of defaults that any application.yml, variable or argument overrides.
 */
public class WardenDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("wardenDefaults", new ClassPathResource("warden-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("warden-defaults.properties is missing from the platform jar", e);
        }
    }
}
