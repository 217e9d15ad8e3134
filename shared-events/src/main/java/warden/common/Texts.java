package warden.common;

/** Validation of free text fields (reasons, notes) shared by every command. */
public final class Texts {
    public static final int MAX_REASON = 512;
    public static final int MAX_NOTE = 2000;

    private Texts() {}

    /** A reason is optional; when present it is trimmed and bounded. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) return null;
        String trimmed = reason.strip();
        if (trimmed.length() > MAX_REASON) throw new InvalidValueException("error.reason.tooLong", MAX_REASON);
        return trimmed;
    }

    /**
     * A text Warden sends, cut to a limit of Discord's (2,000 characters a message, 4,096 an embed's description): a
     * template and a reason, both within their own bounds, can together exceed it, and Discord refuses the whole
     * message. Never cuts a character in two.
     */
    public static String fit(String text, int max) {
        if (text == null || text.length() <= max) return text;
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end) + "…";
    }

    public static String required(String field, String text, int max) {
        if (text == null || text.isBlank()) throw new InvalidValueException("error.text.empty", field);
        String trimmed = text.strip();
        if (trimmed.length() > max) throw new InvalidValueException("error.text.tooLong", field, max);
        return trimmed;
    }
}
