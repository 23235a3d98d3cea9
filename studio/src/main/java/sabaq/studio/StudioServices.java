package sabaq.studio;

import sabaq.common.time.TimeSource;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.recorder.storage.ObjectStore;
import sabaq.studio.catalog.CatalogStore;
import sabaq.studio.config.StudioConfig;
import sabaq.studio.course.CourseStore;
import sabaq.studio.encoding.ProfileRegistry;
import sabaq.studio.media.MediaProbe;

/**
 * What operations and the job queue share: configuration, FFmpeg, the encoding profiles, the studio's object store
 * (sources, uploads, published courses), the recorder's store (recordings used as sources), the course and catalog
 * stores and the clock.
 */
public record StudioServices(StudioConfig config, FfmpegTools tools, ProfileRegistry profiles, ObjectStore store,
                             ObjectStore recordings, CourseStore courses, CatalogStore catalog, TimeSource time) {

    /** The probe with the configured codec lists and the inspect profile. */
    public MediaProbe probe() {
        return new MediaProbe(tools, profiles.get("inspect"), config.acceptedVideoCodecs(), config.acceptedAudioCodecs());
    }
}
