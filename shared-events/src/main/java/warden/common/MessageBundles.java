package warden.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Where Warden's texts are: each feature has its own bundle ({@code warden/<feature>/messages}, English and French),
 * and each module lists the bundles it brings in {@code META-INF/warden/message-bundles}, so a feature adds texts
 * without touching a list kept elsewhere. Keys are unique across bundles ({@code MessageBundlesTest}).
 */
public final class MessageBundles {

    static final String INDEX = "META-INF/warden/message-bundles";

    private MessageBundles() {}

    /** Every bundle's basename, as the modules on the classpath list them. */
    public static List<String> basenames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL index :
                    Collections.list(MessageBundles.class.getClassLoader().getResources(INDEX))) {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
                    in.lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return new ArrayList<>(names);
    }

    /** A text in English, for tools that run without the application (the backtest's errors); the code itself if none. */
    public static String english(String code, Object... args) {
        for (String basename : basenames()) {
            try {
                String pattern = ResourceBundle.getBundle(basename, Locale.ROOT).getString(code);
                return new MessageFormat(pattern, Locale.ROOT).format(args);
            } catch (MissingResourceException e) {
                // not in this bundle
            }
        }
        return code;
    }
}
