package warden.interserver;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing: a member may present a few wrong frequencies, a server a few more, within a quarter of an
 * hour (counted from the first failure); then every attempt is refused until the window passes. The counts live
 * in PostgreSQL, so a restart does not reset them and every node sees the same ones.
 */
@Component
class AttemptLimiter {
    static final int PER_USER = 5;
    static final int PER_GUILD = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient db;

    AttemptLimiter(JdbcClient db) {
        this.db = db;
    }

    boolean blocked(long guild, long user) {
        return count(userKey(user)) >= PER_USER || count(guildKey(guild)) >= PER_GUILD;
    }

    void failed(long guild, long user) {
        increment(userKey(user));
        increment(guildKey(guild));
    }

    private int count(String key) {
        return db.sql(
                        "select failures from interserver_attempt where attempt_key = ? and window_start > now() - make_interval(secs => ?)")
                .params(key, WINDOW.toSeconds())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private void increment(String key) {
        db.sql("""
                        insert into interserver_attempt(attempt_key, window_start, failures) values (?, now(), 1)
                        on conflict (attempt_key) do update set
                          failures = case when interserver_attempt.window_start > now() - make_interval(secs => ?)
                                          then interserver_attempt.failures + 1 else 1 end,
                          window_start = case when interserver_attempt.window_start > now() - make_interval(secs => ?)
                                              then interserver_attempt.window_start else now() end""").params(key, WINDOW.toSeconds(), WINDOW.toSeconds()).update();
    }

    private static String userKey(long user) {
        return "u:" + user;
    }

    private static String guildKey(long guild) {
        return "g:" + guild;
    }
}
