package warden.interserver;

import java.security.SecureRandom;
import java.util.Locale;
import warden.common.InvalidValueException;

/**
 * A frequency's secret: 26 characters of Crockford base 32 (130 random bits), shown in groups of five for people
 * to copy. It is given once, by DM, and never stored nor logged.
 */
public final class FrequencySecret {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 26;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FrequencySecret() {}

    public static String generate() {
        StringBuilder secret = new StringBuilder(LENGTH + LENGTH / 5);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 5 == 0) secret.append('-');
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    /** Upper case, without separators: what is hashed. Anything that cannot be a secret is refused. */
    public static String normalize(String typed) {
        if (typed == null) throw new InvalidValueException("error.frequency.malformed");
        String s = typed.replace("-", "").replace(" ", "").strip().toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH || s.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new InvalidValueException("error.frequency.malformed");
        }
        return s;
    }
}
