package warden.discord;

import java.util.Locale;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.stereotype.Component;
import warden.common.LocalizedException;
import warden.platform.Messages;

/** Warden's texts on Discord: in the guild's language for channel messages, in the user's for interactions. */
@Component
public class GuildTexts {

    private final Messages messages;

    public GuildTexts(Messages messages) {
        this.messages = messages;
    }

    public static Locale locale(DiscordLocale discordLocale) {
        if (discordLocale == null || discordLocale == DiscordLocale.UNKNOWN) return Locale.ENGLISH;
        return discordLocale.toLocale();
    }

    public String in(Guild guild, String code, Object... args) {
        return messages.text(code, locale(guild.getLocale()), args);
    }

    public String in(DiscordLocale locale, String code, Object... args) {
        return messages.text(code, locale(locale), args);
    }

    public String in(DiscordLocale locale, LocalizedException e) {
        return messages.text(e, locale(locale));
    }

    /**
     * The text of a refusal in the member's language: a {@link LocalizedException}, thrown here or by a command handler
     * (then carried by Axon's {@link CommandExecutionException}); null when {@code e} is not one.
     */
    public String refusal(DiscordLocale locale, RuntimeException e) {
        if (e instanceof LocalizedException refused) return in(locale, refused);
        if (e instanceof CommandExecutionException failed && failed.getCause() instanceof LocalizedException refused)
            return in(locale, refused);
        return null;
    }

    /** English, for what is stored (reasons in events), so that the history reads the same for everyone. */
    public String stored(String code, Object... args) {
        return messages.text(code, Locale.ROOT, args);
    }
}
