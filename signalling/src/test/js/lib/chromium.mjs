// Drives headless Chromium over the DevTools protocol (flat sessions on one browser WebSocket), with Node built-ins
// only: open pages, evaluate expressions, poll with a deadline, type, take screenshots, collect page errors.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { connectWebSocket } from './mini-websocket.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/lib/chromium/chromium';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream',
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
  '--remote-debugging-port=0', '--window-size=1280,800',
];

/**
 * Starts Chromium; resolves {newPage(url), close()}. extraArgs e.g. ['--autoplay-policy=no-user-gesture-required'];
 * denyMedia makes every camera/microphone request fail with NotAllowedError (otherwise fake devices are granted).
 */
export async function launchChromium({ extraArgs = [], denyMedia = false } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM=/path/to/chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'sabaq-chromium-'));
  const permission = denyMedia ? '--deny-permission-prompts' : '--use-fake-ui-for-media-stream';
  const child = spawn(CHROMIUM, [...FLAGS, permission, `--user-data-dir=${profile}`, ...extraArgs, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint after 20 s: ${stderr}`)), 20_000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const match = stderr.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`chromium exited with ${code}: ${stderr}`)));
  });
  const cdp = new DevTools(await connectWebSocket(endpoint));
  return {
    newPage: (url, name) => Page.open(cdp, url, name),
    close: async () => {
      const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
      await cdp.send('Browser.close').catch(() => child.kill('SIGTERM'));
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
      await removeProfile(profile);
    },
  };
}

/** Chromium's helper processes may still write to the profile for a moment after the browser exits. */
async function removeProfile(profile) {
  for (let attempt = 0; ; attempt++) {
    try {
      rmSync(profile, { recursive: true, force: true });
      return;
    } catch (error) {
      if (attempt === 20) {
        console.warn(`could not remove ${profile}: ${error.message}`);
        return;
      }
      await delay(100);
    }
  }
}

class DevTools {
  #connection;
  #nextId = 0;
  #pending = new Map();
  #listeners = new Set();

  constructor(connection) {
    this.#connection = connection;
    connection.on('message', (text) => {
      const message = JSON.parse(text);
      const pending = this.#pending.get(message.id);
      if (pending) {
        this.#pending.delete(message.id);
        if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
        else pending.resolve(message.result);
        return;
      }
      for (const listener of this.#listeners) listener(message);
    });
  }

  send(method, params = {}, sessionId = undefined) {
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      this.#connection.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  onEvent(listener) {
    this.#listeners.add(listener);
  }
}

export class Page {
  /** Uncaught exceptions, console.error calls and error log entries of this page. */
  errors = [];

  static async open(cdp, url, name = url) {
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(cdp, sessionId, name);
    await page.send('Runtime.enable');
    await page.send('Log.enable');
    await page.send('Page.enable');
    await page.send('Page.navigate', { url });
    return page;
  }

  constructor(cdp, sessionId, name) {
    this.cdp = cdp;
    this.sessionId = sessionId;
    this.name = name;
    cdp.onEvent((message) => {
      if (message.sessionId !== sessionId) return;
      const params = message.params;
      if (message.method === 'Runtime.exceptionThrown') {
        const details = params.exceptionDetails;
        this.errors.push(`exception: ${details.exception?.description ?? details.text}`);
      } else if (message.method === 'Runtime.consoleAPICalled' && params.type === 'error') {
        this.errors.push(`console.error: ${params.args.map((arg) => arg.value ?? arg.description).join(' ')}`);
      } else if (message.method === 'Log.entryAdded' && params.entry.level === 'error') {
        this.errors.push(`log: ${params.entry.text} ${params.entry.url ?? ''}`);
      }
    });
  }

  send(method, params = {}) {
    return this.cdp.send(method, params, this.sessionId);
  }

  /** Evaluates an expression (awaiting a promise result) and returns its JSON value. */
  async evaluate(expression) {
    const result = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) {
      throw new Error(`${this.name}: ${expression}\n  -> ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    }
    return result.result.value;
  }

  /** Polls an expression until it is truthy; fails with the last value after the deadline. */
  async waitFor(expression, { timeoutMs = 10_000, what = expression } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(expression);
        if (last) return last;
      } catch (error) {
        last = error.message;
      }
      if (Date.now() > deadline) throw new Error(`${this.name}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await delay(100);
    }
  }

  /** Types text into the focused element, then optionally presses Enter. */
  async type(text, { enter = false } = {}) {
    await this.send('Input.insertText', { text });
    if (enter) {
      const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
      await this.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
      await this.send('Input.dispatchKeyEvent', { type: 'char', text: '\r', ...key });
      await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    }
  }

  /** A real mouse click at page coordinates (gives the page user activation, unlike element.click()). */
  async click(x, y) {
    await this.send('Page.bringToFront');
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    }
  }

  /** Clicks the centre of the element matched by selector. */
  async clickOn(selector) {
    const box = await this.evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`);
    await this.click(box.x, box.y);
  }

  async screenshot(path, { width = 1280, height = 800, mobile = false } = {}) {
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile });
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(path, Buffer.from(data, 'base64'));
    await this.send('Emulation.clearDeviceMetricsOverride');
  }
}
