package warden.automod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import morfologik.stemming.Dictionary;

/**
 * The packaged lists the ordinary-words tests run over: every word of a morfologik dictionary, and ModernMT's public
 * profanity lists (Apache 2.0, {@code com.modernmt.text:profanity-filter}, one entry and a score per line).
 */
final class WordLists {
    /** LanguageTool's English part-of-speech lexicon: another source than the spelling dictionary Warden reads. */
    static final String ENGLISH_LEXICON = "org/languagetool/resource/en/english.dict";

    private WordLists() {}

    /** Every distinct word of a morfologik dictionary on the classpath, in its order. */
    static Set<String> words(String resource) {
        try {
            Dictionary dictionary =
                    Dictionary.read(WordLists.class.getClassLoader().getResource(resource));
            byte separator = dictionary.metadata.getSeparator();
            Set<String> words = new LinkedHashSet<>();
            for (ByteBuffer entry : dictionary.fsa) {
                int length = entry.remaining();
                byte[] bytes = new byte[length];
                entry.get(bytes);
                int end = 0;
                while (end < length && bytes[end] != separator) end++;
                words.add(new String(bytes, 0, end, StandardCharsets.UTF_8));
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of ModernMT's list for a language ({@code en}, {@code fr}). */
    static List<String> badWords(String language) {
        String resource = "com/modernmt/text/profanity/dictionary." + language;
        try (InputStream in = WordLists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the test classpath");
            List<String> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String entry = line.split("\t")[0].strip();
                if (!entry.isEmpty()) entries.add(entry);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
