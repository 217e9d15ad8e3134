package warden.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds every module's {@code META-INF/warden/*.properties} as the last property sources, so that each module
 * ships the defaults of what it owns (its processors, its limits) and any application.yml, environment
 * variable or argument overrides them. (Spring keeps {@code SpringApplicationBuilder.properties(...)} last of
 * all, below these: pass settings as arguments instead.)
 */
public class WardenDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/warden/*.properties");
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                environment
                        .getPropertySources()
                        .addLast(new ResourcePropertySource("wardenDefaults:" + resource.getFilename(), resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Warden's default settings", e);
        }
        // a node without the api role serves no HTTP (unless told otherwise explicitly)
        if (!WardenRoles.has(environment, WardenRoles.API)
                && !environment.containsProperty("spring.main.web-application-type")) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("wardenRoles", Map.of("spring.main.web-application-type", "none")));
        }
    }
}
