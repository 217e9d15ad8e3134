package warden.panel;

import java.util.Locale;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.context.MessageSource;
import warden.common.LocalizedException;

/** A refused change as the panel's reader reads it: the same localised message the API and the bot give. */
final class PanelProblems {

    private PanelProblems() {}

    /** The message of a refusal, or null when {@code e} is not one (then it is an error, and thrown on). */
    static String message(RuntimeException e, MessageSource messages, Locale locale) {
        if (e instanceof LocalizedException refused) return messages.getMessage(refused.code(), refused.args(), locale);
        if (e instanceof CommandExecutionException failed) {
            return failed.getCause() instanceof LocalizedException cause
                    ? messages.getMessage(cause.code(), cause.args(), locale)
                    : messages.getMessage("error.internal", null, locale);
        }
        throw e;
    }
}
