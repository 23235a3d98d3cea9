package sabaq.recorder.session;

import sabaq.common.time.TimeSource;
import sabaq.media.dtls.DtlsCertificate;
import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.upload.SegmentUploader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every recording of one recorder shares: threads, the DTLS certificate, storage, the uploader and settings.
 *
 * @param scheduler     the recorder's scheduler (peer timers, signalling follow-ups); never blocks
 * @param dtlsExecutor  runs blocking DTLS handshakes
 * @param spoolDir      local directory for segments waiting for upload, one sub-directory per recording
 * @param bindHost      local address of the recorder's UDP sockets
 * @param displayName   the name the recorder joins lessons with
 * @param rejoinBackoff first wait before rejoining a lesson after the connection was lost (doubles up to 8 times)
 */
public record RecordingContext(ScheduledExecutorService scheduler, Executor dtlsExecutor, DtlsCertificate certificate,
                               ObjectStore store, SegmentUploader uploader, TrackRecorder.Settings trackSettings,
                               Path spoolDir, String bindHost, String displayName, Duration rejoinBackoff,
                               Duration peerSilenceTimeout, TimeSource time) {
}
