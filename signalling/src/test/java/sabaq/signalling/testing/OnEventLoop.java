package sabaq.signalling.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs an asynchronous chain on a Vert.x event loop and waits for it from the test thread. Building the chain on the
 * test thread would race: a response could complete (and its body be lost) before the test thread registers the
 * next step.
 */
public final class OnEventLoop {
    private OnEventLoop() {
    }

    public static <T> T await(Vertx vertx, Supplier<Future<T>> chain) {
        Promise<T> promise = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> {
            try {
                chain.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future().await();
    }
}
