// The local side of publishing: owns the captured camera, microphone and screen tracks, hands them to the
// MediaSession, and reports the on/off state to the server with media-state (protocol section 2.1).
import { openCameraAndMicrophone, openCamera, openMicrophone, openScreen, MediaCaptureError } from './local-media.js';

export class LocalPublisher {
  #media;
  #signalling;
  #onChange;
  #onError;
  #fakeScreen;
  #stream = null;
  #camera = null;
  #microphone = null;
  #screen = null;
  #starting = null;
  #generation = 0;
  cameraOn = false;
  microphoneOn = false;
  mutedByTeacher = false;

  /**
   * @param media MediaSession
   * @param signalling SignallingClient
   * @param options onChange(), onError(error, context), fakeScreen (draw a canvas instead of getDisplayMedia)
   */
  constructor(media, signalling, { onChange = () => {}, onError = () => {}, fakeScreen = false } = {}) {
    this.#media = media;
    this.#signalling = signalling;
    this.#onChange = onChange;
    this.#onError = onError;
    this.#fakeScreen = fakeScreen;
  }

  get cameraTrack() {
    return this.#camera;
  }

  get screenTrack() {
    return this.#screen?.track ?? null;
  }

  get sharingScreen() {
    return this.#screen !== null;
  }

  /** True while camera or microphone is published (or being opened). */
  get active() {
    return this.#starting !== null || this.#media.isPublishing('camera') || this.#media.isPublishing('microphone');
  }

  /** Opens camera and microphone and publishes them (the teacher on join, a student given the floor). */
  start() {
    if (this.active) return this.#starting ?? Promise.resolve();
    const generation = this.#generation;
    this.#starting = (async () => {
      try {
        const { camera, microphone, error } = await openCameraAndMicrophone();
        if (generation !== this.#generation) {
          camera?.stop();
          microphone?.stop();
          return;
        }
        this.#stream = new MediaStream([camera, microphone].filter(Boolean));
        this.#camera = camera;
        this.#microphone = microphone;
        this.cameraOn = camera !== null;
        this.microphoneOn = microphone !== null && !this.mutedByTeacher;
        if (microphone) {
          microphone.enabled = this.microphoneOn;
          this.#media.publish('microphone', microphone, this.#stream);
        }
        if (camera) this.#media.publish('camera', camera, this.#stream);
        if (error) this.#onError(new MediaCaptureError(error), 'capture');
        this.announce();
      } catch (error) {
        if (generation === this.#generation) this.#onError(error, 'capture');
      } finally {
        if (generation === this.#generation) this.#starting = null;
        this.#onChange();
      }
    })();
    this.#onChange();
    return this.#starting;
  }

  /**
   * Stops publishing everything and releases the devices. notifyServer=false when the server already forgot the
   * tracks (a fresh join); otherwise unpublish and media-state are sent.
   */
  async stop({ notifyServer = true } = {}) {
    this.#generation++;
    this.#starting = null;
    const wasActive = this.#camera || this.#microphone || this.#screen;
    for (const source of ['camera', 'microphone', 'screen']) {
      if (notifyServer) this.#media.unpublish(source);
      else this.#media.forget(source);
    }
    this.#camera?.stop();
    this.#microphone?.stop();
    this.#screen?.stop();
    this.#camera = this.#microphone = this.#screen = this.#stream = null;
    this.cameraOn = this.microphoneOn = false;
    if (notifyServer && wasActive) this.announce();
    this.#onChange();
  }

  async setMicrophone(on) {
    if (on && this.mutedByTeacher) {
      try {
        await this.#signalling.send({ type: 'unmute' });
      } catch (error) {
        this.#onError(error, 'unmute');
        return;
      }
      this.mutedByTeacher = false;
    }
    if (on && !this.#microphone) {
      try {
        this.#microphone = await openMicrophone();
      } catch (error) {
        this.#onError(error, 'capture');
        return;
      }
      this.#stream?.addTrack(this.#microphone);
      this.#media.publish('microphone', this.#microphone, this.#stream);
    }
    if (this.#microphone) this.#microphone.enabled = on;
    this.microphoneOn = on && this.#microphone !== null;
    this.announce();
    this.#onChange();
  }

  /** Camera off releases the device (its light goes off) but keeps the source published; on re-opens it. */
  async setCamera(on) {
    if (on === this.cameraOn) return;
    if (on) {
      let track;
      try {
        track = await openCamera();
      } catch (error) {
        this.#onError(error, 'capture');
        return;
      }
      this.#camera = track;
      if (this.#media.isPublishing('camera')) await this.#media.replaceTrack('camera', track);
      else this.#media.publish('camera', track, this.#stream ?? new MediaStream([track]));
    } else {
      await this.#media.replaceTrack('camera', null);
      this.#camera?.stop();
      this.#camera = null;
    }
    this.cameraOn = on;
    this.announce();
    this.#onChange();
  }

  async startScreen() {
    if (this.#screen) return;
    let screen;
    try {
      screen = await openScreen({ fake: this.#fakeScreen });
    } catch (error) {
      this.#onError(error, 'screen');
      return;
    }
    this.#screen = screen;
    screen.track.addEventListener('ended', () => {
      if (this.#screen === screen) this.stopScreen();
    });
    this.#onChange();
    await this.#media.publish('screen', screen.track, new MediaStream([screen.track]));
  }

  async stopScreen() {
    const screen = this.#screen;
    if (!screen) return;
    this.#screen = null;
    screen.stop();
    this.#onChange();
    await this.#media.unpublish('screen');
  }

  /** The teacher muted this participant: silence the microphone locally too. */
  applyMutedByTeacher() {
    this.mutedByTeacher = true;
    if (this.#microphone) this.#microphone.enabled = false;
    if (this.microphoneOn) {
      this.microphoneOn = false;
      this.announce();
    }
    this.#onChange();
  }

  /** Tells the server whether camera and microphone are on (media-state). */
  announce() {
    if (this.#signalling.state !== 'open') return;
    this.#signalling
      .send({ type: 'media-state', camera: this.cameraOn, microphone: this.microphoneOn })
      .catch((error) => this.#onError(error, 'media-state'));
  }
}
