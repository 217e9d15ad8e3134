package warden.interserver;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import warden.common.InvalidValueException;

/**
 * The identity of a frequency: the SHA-256 of its secret. Warden stores and logs only this; the secret itself
 * exists in the DM its creator received, and a channel links by presenting it.
 */
public record FrequencyKey(String hash) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public FrequencyKey {
        if (hash == null || !HEX.matcher(hash).matches())
            throw new InvalidValueException("error.id.malformed", "frequency", "?");
    }

    @JsonCreator
    public static FrequencyKey of(String hash) {
        return new FrequencyKey(hash);
    }

    /** The key of a secret as a member typed it (spaces and case do not matter). */
    public static FrequencyKey ofSecret(String secret) {
        String normalized = FrequencySecret.normalize(secret);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return new FrequencyKey(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Short, for people and logs: the first 8 hex digits of the hash (never the secret). */
    public String shortId() {
        return hash.substring(0, 8);
    }

    @JsonValue
    @Override
    public String toString() {
        return hash;
    }
}
