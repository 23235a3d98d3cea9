// Capturing local media: camera and microphone (getUserMedia), screen (getDisplayMedia or, for headless tests,
// a canvas animation). Failures become client error codes that i18n.js knows (error.MEDIA_*).
import { startFakeScreen } from './fake-screen.js';

export const CAMERA_CONSTRAINTS = Object.freeze({
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30, max: 30 },
});

export const MICROPHONE_CONSTRAINTS = Object.freeze({
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
});

/** A capture failure with a client error code: MEDIA_DENIED, MEDIA_NOT_FOUND, MEDIA_INSECURE, MEDIA_FAILED, SCREEN_FAILED. */
export class MediaCaptureError extends Error {
  constructor(code, cause) {
    super(cause?.message ?? code);
    this.name = 'MediaCaptureError';
    this.code = code;
  }
}

/**
 * Opens the camera and the microphone together; when both fail together it retries each alone so that a missing
 * camera still leaves the microphone. Resolves {camera, microphone, error} where error is the first failure code.
 */
export async function openCameraAndMicrophone() {
  assertCaptureAvailable();
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: MICROPHONE_CONSTRAINTS, video: CAMERA_CONSTRAINTS });
    return { camera: stream.getVideoTracks()[0] ?? null, microphone: stream.getAudioTracks()[0] ?? null, error: null };
  } catch (both) {
    if (both.name === 'NotAllowedError' || both.name === 'SecurityError') throw captureError(both);
    const [camera, microphone] = await Promise.allSettled([openCamera(), openMicrophone()]);
    const result = {
      camera: camera.status === 'fulfilled' ? camera.value : null,
      microphone: microphone.status === 'fulfilled' ? microphone.value : null,
      error: null,
    };
    if (!result.camera && !result.microphone) throw captureError(both);
    const failure = camera.status === 'rejected' ? camera.reason : microphone.reason;
    result.error = failure?.code ?? null;
    return result;
  }
}

export async function openCamera() {
  assertCaptureAvailable();
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: CAMERA_CONSTRAINTS });
    const track = stream.getVideoTracks()[0];
    track.contentHint = 'motion';
    return track;
  } catch (error) {
    throw captureError(error);
  }
}

export async function openMicrophone() {
  assertCaptureAvailable();
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: MICROPHONE_CONSTRAINTS });
    const track = stream.getAudioTracks()[0];
    track.contentHint = 'speech';
    return track;
  } catch (error) {
    throw captureError(error);
  }
}

/**
 * Opens a screen-share track (contentHint "detail"). With fake=true it draws a moving slide on a canvas instead of
 * asking for a screen, so headless browsers can share. Resolves {track, stop}.
 */
export async function openScreen({ fake = false } = {}) {
  if (fake) return startFakeScreen();
  if (!navigator.mediaDevices?.getDisplayMedia) throw new MediaCaptureError('SCREEN_FAILED');
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 15 } }, audio: false });
    const track = stream.getVideoTracks()[0];
    track.contentHint = 'detail';
    return { track, stop: () => track.stop() };
  } catch (error) {
    throw new MediaCaptureError('SCREEN_FAILED', error);
  }
}

function assertCaptureAvailable() {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new MediaCaptureError(window.isSecureContext ? 'MEDIA_FAILED' : 'MEDIA_INSECURE');
  }
}

function captureError(error) {
  if (error instanceof MediaCaptureError) return error;
  switch (error?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new MediaCaptureError('MEDIA_DENIED', error);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new MediaCaptureError('MEDIA_NOT_FOUND', error);
    default:
      return new MediaCaptureError('MEDIA_FAILED', error);
  }
}
