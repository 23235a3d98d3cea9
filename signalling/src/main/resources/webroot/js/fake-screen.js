// A synthetic screen share for headless tests (?fakeScreen=1): a slide drawn on a canvas at 15 fps with a moving
// marker and a running clock, captured with canvas.captureStream(15).

const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 15;

/** Starts the animation; resolves {track, stop}. stop() ends the track and the drawing timer. */
export function startFakeScreen() {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext('2d');
  const started = performance.now();
  const draw = () => drawSlide(context, (performance.now() - started) / 1000);
  draw();
  // A timer rather than requestAnimationFrame: background and headless tabs throttle animation frames to zero.
  const timer = setInterval(draw, 1000 / FPS);
  const track = canvas.captureStream(FPS).getVideoTracks()[0];
  track.contentHint = 'detail';
  const stop = () => {
    clearInterval(timer);
    track.stop();
  };
  track.addEventListener('ended', () => clearInterval(timer));
  return Promise.resolve({ track, stop });
}

function drawSlide(context, seconds) {
  context.fillStyle = '#f7f4ea';
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.fillStyle = '#1d4e89';
  context.fillRect(0, 0, WIDTH, 110);
  context.fillStyle = '#ffffff';
  context.font = 'bold 56px sans-serif';
  context.fillText('Sabaq · a² + b² = c²', 48, 76);

  context.fillStyle = '#222222';
  context.font = '36px sans-serif';
  ['1. Right triangle', '2. Legs a, b and hypotenuse c', '3. Example: 3² + 4² = 5²'].forEach((line, index) => {
    context.fillText(line, 72, 200 + index * 64);
  });

  const x = 72 + ((Math.sin(seconds * 1.5) + 1) / 2) * (WIDTH - 288);
  context.fillStyle = '#e4572e';
  context.beginPath();
  context.arc(x + 72, 560, 56, 0, Math.PI * 2);
  context.fill();

  context.fillStyle = '#555555';
  context.font = '28px monospace';
  context.fillText(seconds.toFixed(1).padStart(7, ' ') + ' s', WIDTH - 220, HEIGHT - 32);
}
