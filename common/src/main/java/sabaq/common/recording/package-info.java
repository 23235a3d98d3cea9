/**
 * The recording contract between signalling and the recorder: {@link sabaq.common.recording.RecordingService} and its
 * value types. Signalling starts recordings and lists them; the recorder joins lessons as a participant.
 */
package sabaq.common.recording;
