package warden.automod;

/**
 * Moderation of text users submit through Warden's own features (relayed interserver messages, names...), with
 * the rules of the vocabulary, invite and link modules.
 */
public record UserContentSettings(boolean enabled, Mode mode, boolean words, boolean invites, boolean links) {

    public enum Mode {
        /** Refuse the content and tell the user why. */
        BLOCK,
        /** Mask the offending parts and go on with the rest. */
        CENSOR
    }

    public UserContentSettings {
        if (mode == null) mode = Mode.BLOCK;
    }

    public static UserContentSettings defaults() {
        return new UserContentSettings(false, Mode.BLOCK, true, true, true);
    }
}
