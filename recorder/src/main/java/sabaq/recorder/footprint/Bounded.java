package sabaq.recorder.footprint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks with at most {@code parallel} in flight. The driver multiplexes requests over one
 * connection per node with a limited number of stream ids (1024 by default); firing thousands at once makes the
 * surplus fail at once with "no connection available", so reports and writes pace themselves with this.
 */
final class Bounded {
    private Bounded() {
    }

    /** The results in task order; fails with the first failure (tasks not started yet are then not started). */
    static <T> CompletableFuture<List<T>> all(List<Supplier<CompletionStage<T>>> tasks, int parallel) {
        int n = tasks.size();
        List<T> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) results.add(null);
        CompletableFuture<List<T>> done = new CompletableFuture<>();
        if (n == 0) {
            done.complete(results);
            return done;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        for (int k = 0; k < Math.min(parallel, n); k++) startNext(tasks, results, next, finished, done);
        return done;
    }

    private static <T> void startNext(List<Supplier<CompletionStage<T>>> tasks, List<T> results, AtomicInteger next,
                                      AtomicInteger finished, CompletableFuture<List<T>> done) {
        int i = next.getAndIncrement();
        if (i >= tasks.size() || done.isDone()) return;
        CompletionStage<T> stage;
        try {
            stage = tasks.get(i).get();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        stage.whenComplete((value, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
                return;
            }
            synchronized (results) {
                results.set(i, value);
            }
            if (finished.incrementAndGet() == tasks.size()) {
                synchronized (results) {
                    done.complete(results);
                }
            } else {
                startNext(tasks, results, next, finished, done);
            }
        });
    }
}
