package warden.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import warden.common.LocalizedException;

/** Warden's texts in the caller's language (English and French), from every feature's bundle (see {@code MessageBundles}). */
@Component
public class Messages {

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String text(String code, Locale locale, Object... args) {
        try {
            return source.getMessage(code, args, locale);
        } catch (NoSuchMessageException e) {
            return code;
        }
    }

    public String text(LocalizedException e, Locale locale) {
        return text(e.code(), locale, e.args());
    }
}
