package warden.discord;

/**
 * Whether a server's slash command answers are shown to the caller only. Asked on JDA's thread: an answer must come
 * from memory. Without such a bean, answers are for the caller only.
 */
public interface AnswerVisibility {
    boolean hidden(long guild);
}
