package sabaq.recorder.footprint;

import sabaq.common.footprint.FootprintEvent;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where {@link FootprintWriter} writes: idempotent (an event written twice is stored once), asynchronous. */
public interface FootprintStore {
    /** Writes the events; completes when all are acknowledged, exceptionally when any write failed or timed out. */
    CompletionStage<Void> write(List<FootprintEvent> events);
}
