package sabaq.signalling.ops;

import sabaq.common.media.MediaStats;

import java.util.List;
import java.util.Objects;

/**
 * What the operations side needs from outside signalling, given to {@code SignallingServer.start}: the media
 * server's figures, who may see the operations page and API, who may scrape {@code /metrics}, and extra readiness
 * checks (storage, once there is storage).
 */
public record OpsBindings(MediaStats media, OpsAccess pageAccess, OpsAccess metricsAccess,
                          List<ReadinessCheck> readinessChecks) {
    public OpsBindings {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(pageAccess, "pageAccess");
        Objects.requireNonNull(metricsAccess, "metricsAccess");
        readinessChecks = List.copyOf(readinessChecks);
    }

    /** The embedded defaults: access by network as configured, no readiness checks besides the media server's. */
    public static OpsBindings defaults(OpsConfig config, MediaStats media) {
        return new OpsBindings(media, new NetworkOpsAccess(config.allowedNetworks()),
                new NetworkOpsAccess(config.metricsAllowedNetworks()), List.of());
    }

    /** The same bindings with {@code access} guarding the operations page and API. */
    public OpsBindings withPageAccess(OpsAccess access) {
        return new OpsBindings(media, access, metricsAccess, readinessChecks);
    }
}
