package sabaq.signalling.footprint;

import sabaq.common.footprint.CurriculumStore;
import sabaq.common.footprint.FootprintReports;
import sabaq.common.footprint.FootprintSink;

import java.util.Objects;

/**
 * The footprint of a signalling server (docs/footprint.md): where the lesson hub records events ({@code sink}), and
 * the reports and curriculum the monitoring routes read. The launcher builds them on the accounts' Cassandra
 * ({@code sabaq.recorder.footprint}); {@link #NONE} records nothing and its routes answer 503.
 *
 * @param reports    null when the server has no footprint storage
 * @param curriculum null when the server has no footprint storage
 */
public record FootprintServices(FootprintSink sink, FootprintReports reports, CurriculumStore curriculum) {
    public static final FootprintServices NONE = new FootprintServices(FootprintSink.NONE, null, null);

    public FootprintServices {
        Objects.requireNonNull(sink, "sink");
    }

    public boolean storageAvailable() {
        return reports != null && curriculum != null;
    }
}
