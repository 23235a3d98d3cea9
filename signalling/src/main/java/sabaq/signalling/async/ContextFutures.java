package sabaq.signalling.async;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletionStage;

/**
 * Bridges the Cassandra driver's and the footprint's {@link CompletionStage}s into Vert.x: the future completes on the
 * calling Vert.x context (so handlers keep running on their event loop), or wherever the stage completes when there
 * is no context.
 */
public final class ContextFutures {
    private ContextFutures() {
    }

    public static <T> Future<T> onCurrentContext(CompletionStage<T> stage) {
        Context ctx = Vertx.currentContext();
        return ctx == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, ctx);
    }
}
