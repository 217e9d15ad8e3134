package warden.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.axonframework.queryhandling.QueryExecutionException;

/** Waits for a query's answer and lets a handler's refusal through unwrapped, so it becomes a problem detail. */
public final class QueryResults {
    private QueryResults() {}

    public static <R> R join(CompletableFuture<R> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QueryExecutionException q && q.getCause() instanceof RuntimeException r) throw r;
            if (cause instanceof RuntimeException r) throw r;
            throw e;
        }
    }
}
