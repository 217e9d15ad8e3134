package warden.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import warden.automod.ChatMessage;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.common.UserId;

/** A deterministic corpus of chat messages of 20 to 300 characters, and a forbidden vocabulary, for benchmarks. */
final class ChatCorpus {
    private static final String[] WORDS = ("the a to and of is it you that in this for on with be are was have not "
                    + "but what all just like so do if get can about your out up my me we no one time know people good "
                    + "think see really game play stream discord server role channel bot voice tonight tomorrow "
                    + "le la les un une des et est pas que qui dans pour sur avec ce il elle on nous vous ils "
                    + "bonjour salut merci serveur jeu partie ce soir demain vraiment trop bien genre alors quoi "
                    + "hello thanks welcome lol yes okay maybe never always team match win lose ranked")
            .split(" ");
    private static final String[] EXTRAS = {
        " https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        " 😀😀",
        " <:pepe:123456789012345678>",
        " <@123456789012345678>",
        " check discord.gg/abc123",
        " WHAT IS THIS",
        " ||spoiler||",
        " `code`"
    };

    private ChatCorpus() {}

    static List<ChatMessage> messages(int count, long seed) {
        Random random = new Random(seed);
        List<ChatMessage> messages = new ArrayList<>(count);
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < count; i++) {
            int target = 20 + random.nextInt(281);
            StringBuilder text = new StringBuilder();
            while (text.length() < target) {
                if (text.length() > 0) text.append(' ');
                text.append(WORDS[random.nextInt(WORDS.length)]);
                if (random.nextInt(40) == 0) text.append(EXTRAS[random.nextInt(EXTRAS.length)]);
            }
            String content = text.length() > 300 ? text.substring(0, 300) : text.toString();
            t = t.plusMillis(50 + random.nextInt(500));
            messages.add(new ChatMessage(
                    Integer.toString(i),
                    GuildId.of(1),
                    ChannelId.of(2),
                    UserId.of(1000 + random.nextInt(300)),
                    Set.of(RoleId.of(5)),
                    false,
                    false,
                    content,
                    Set.of(),
                    Set.of(),
                    false,
                    t));
        }
        return messages;
    }

    /** {@code count} forbidden entries: pseudo-words, a tenth with a leading *, a third with a trailing *. */
    static List<String> vocabulary(int count, long seed) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>(count);
        String letters = "abcdefghijklmnopqrstuvwxyz";
        while (words.size() < count) {
            StringBuilder w = new StringBuilder();
            int length = 4 + random.nextInt(6);
            for (int i = 0; i < length; i++) w.append(letters.charAt(random.nextInt(letters.length())));
            int r = random.nextInt(10);
            String word = r == 0 ? "*" + w : r < 4 ? w + "*" : w.toString();
            if (!words.contains(word)) words.add(word);
        }
        return words;
    }
}
