// SignalR connection to /hubs/twin (MessagePack). Never gives up: automatic reconnect with a
// policy that always returns a delay, and a restart loop with backoff if the connection closes.

// Frames arrive with lower-camel-case keys (MessagePack and JSON alike) and are passed on as they
// are, except asset frames, which arrive compact and are decoded into the same items.
import { CompactFrameDecoder } from './compact-frames.js';
import { store } from './store.js';

const RETRY_DELAYS = [0, 1000, 2000, 4000, 8000];
const MAX_DELAY = 15000;

/** @param {number} attempt */
function delayFor(attempt) {
  const base = RETRY_DELAYS[attempt] ?? MAX_DELAY;
  return base + Math.floor(Math.random() * Math.min(1000, base / 2 + 1));
}

export class LiveConnection {
  /**
   * @param {string} url
   * @param {{onAssets?: (items: any[]) => void, onAreas?: (items: any[]) => void,
   *          onClock?: (clock: any) => void}} handlers
   */
  constructor(url, handlers) {
    this.handlers = handlers;
    /** @type {Set<(update: any) => void>} */
    this.scenarioListeners = new Set();
    /** @type {Set<(items: any[]) => void>} */
    this.alarmListeners = new Set();
    /** @type {{bbox: number[], zoom: number}|null} */
    this.viewport = null;
    this.restartAttempt = 0;
    this.restartTimer = 0;
    const builder = new signalR.HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (/** @type {{previousRetryCount: number}} */ ctx) => delayFor(ctx.previousRetryCount) })
      .configureLogging(signalR.LogLevel.Warning);
    builder.withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol());
    this.connection = builder.build();
    this.connection.serverTimeoutInMilliseconds = 30000;
    this.connection.keepAliveIntervalInMilliseconds = 10000;

    this.connection.on('assets', (/** @type {any[]} */ items) => this.handlers.onAssets?.(items ?? []));
    // Over MessagePack the server sends asset changes as compact binary frames (core/compact-frames.js).
    this.compact = new CompactFrameDecoder();
    /** Compact frames received (a test hook). */
    this.compactFrames = 0;
    this.connection.on('assetsCompact', (/** @type {Uint8Array} */ bytes) => {
      this.compactFrames++;
      this.compact.push(bytes, items => this.handlers.onAssets?.(items));
    });
    this.connection.on('districts', (/** @type {any[]} */ items) => this.handlers.onAreas?.(items ?? []));
    this.connection.on('clock', (/** @type {any} */ clock) => this.handlers.onClock?.(clock));
    this.connection.on('scenario', (/** @type {any} */ update) => {
      for (const fn of this.scenarioListeners) {
        try { fn(update); } catch (e) { console.error(e); }
      }
    });

    this.connection.on('alarms', (/** @type {any[]} */ items) => {
      for (const fn of this.alarmListeners) {
        try { fn(items ?? []); } catch (e) { console.error(e); }
      }
    });
    /** Run after every (re)connect, e.g. to follow a tour session again. @type {Set<() => void>} */
    this.connectedListeners = new Set();

    this.connection.onreconnecting(() => this.setState('reconnecting'));
    this.connection.onreconnected(() => {
      this.setState('connected');
      this.sendSubscribe();
      this.notifyConnected();
    });
    this.connection.onclose(() => {
      this.setState('disconnected');
      this.scheduleRestart();
    });
  }

  /**
   * Progress of what-if runs ({ id, status, progress }) as the server pushes it; components that
   * start after the connection subscribe here. Returns a function that unsubscribes.
   */
  /** @param {(update: any) => void} fn */
  onScenario(fn) {
    this.scenarioListeners.add(fn);
    return () => this.scenarioListeners.delete(fn);
  }

  /** Alarms raised, cleared or acted on, as the server pushes them. Returns a function that unsubscribes. @param {(items: any[]) => void} fn */
  onAlarms(fn) {
    this.alarmListeners.add(fn);
    return () => this.alarmListeners.delete(fn);
  }

  /**
   * Listens to a server message the constructor does not handle (tour pushes); returns a function that stops listening.
   * @param {string} name @param {(body: any) => void} fn
   */
  on(name, fn) {
    this.connection.on(name, fn);
    return () => this.connection.off(name, fn);
  }

  /** Calls a hub method once connected (waits for the connection, up to the timeout). @param {string} method @param {...any} args */
  async invoke(method, ...args) {
    const deadline = Date.now() + 20000;
    while (this.connection.state !== signalR.HubConnectionState.Connected) {
      if (Date.now() > deadline) throw new Error('not connected');
      await new Promise(r => setTimeout(r, 250));
    }
    return this.connection.invoke(method, ...args);
  }

  /** Runs `fn` after every connect and reconnect; returns a function that unsubscribes. @param {() => void} fn */
  onConnected(fn) {
    this.connectedListeners.add(fn);
    return () => this.connectedListeners.delete(fn);
  }

  notifyConnected() {
    for (const fn of this.connectedListeners) {
      try { fn(); } catch (e) { console.error(e); }
    }
  }

  /** The connection state lives in the store, where the header and the clock follow it. @param {import('./store.js').AppState['connection']} state */
  setState(state) { store.set('connection', state); }

  async start() {
    clearTimeout(this.restartTimer);
    this.restartTimer = 0;
    if (this.connection.state !== signalR.HubConnectionState.Disconnected) return;
    if (this.restartAttempt > 0) this.setState('reconnecting');
    try {
      await this.connection.start();
      this.restartAttempt = 0;
      this.setState('connected');
      this.sendSubscribe();
      this.notifyConnected();
    } catch (e) {
      console.warn('Live connection failed to start', e);
      this.setState('disconnected');
      this.scheduleRestart();
    }
  }

  scheduleRestart() {
    if (this.restartTimer) return;
    const delay = delayFor(Math.min(this.restartAttempt + 1, RETRY_DELAYS.length));
    this.restartAttempt++;
    this.restartTimer = setTimeout(() => { this.restartTimer = 0; this.start(); }, delay);
  }

  /** Remembers the viewport and tells the server (now if connected, else after the next connect). */
  /** @param {{bbox: number[], zoom: number}} viewport */
  subscribe(viewport) {
    this.viewport = viewport;
    this.sendSubscribe();
  }

  sendSubscribe() {
    if (!this.viewport || this.connection.state !== signalR.HubConnectionState.Connected) return;
    this.connection.invoke('Subscribe', this.viewport).catch(e => console.warn('Subscribe failed', e));
  }
}
