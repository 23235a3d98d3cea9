package sabaq.studio.operation;

import sabaq.studio.workflow.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations workflows can name. */
public final class Operations {
    private Operations() {
    }

    public static Map<String, Operation> standard() {
        Map<String, Operation> m = new LinkedHashMap<>();
        for (Operation o : List.of(new FetchOperation(), new InspectOperation(), new TrimOperation(), new OverlayOperation(),
                new ConcatOperation(), new SubtitlesOperation(), new ChaptersOperation(), new LoudnessOperation(),
                new AudioDescriptionOperation(), new HlsOperation(), new ThumbnailsOperation(), new UploadOperation(),
                new PublishOperation())) {
            m.put(o.name(), o);
        }
        return Map.copyOf(m);
    }
}
