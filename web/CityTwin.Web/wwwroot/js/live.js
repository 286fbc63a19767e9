// SignalR connection to /hubs/twin (MessagePack). Never gives up: automatic reconnect with a
// policy that always returns a delay, and a restart loop with backoff if the connection closes.

/* global signalR */

const RETRY_DELAYS = [0, 1000, 2000, 4000, 8000];
const MAX_DELAY = 15000;

function delayFor(attempt) {
  const base = RETRY_DELAYS[attempt] ?? MAX_DELAY;
  return base + Math.floor(Math.random() * Math.min(1000, base / 2 + 1));
}

/** MessagePack-CSharp may send PascalCase names when the server type lacks key attributes. */
function camel(o) {
  if (!o || typeof o !== 'object' || Array.isArray(o) || o instanceof Date) return o;
  const keys = Object.keys(o);
  if (!keys.some(k => k[0] >= 'A' && k[0] <= 'Z')) return o;
  const out = {};
  for (const k of keys) out[k[0].toLowerCase() + k.slice(1)] = o[k];
  return out;
}

export class LiveConnection {
  /**
   * @param {object} handlers onAssets(items), onDistricts(items), onClock(clock), onState(state), onScenario(update)
   */
  constructor(url, handlers) {
    this.handlers = handlers;
    this.scenarioListeners = new Set();
    this.viewport = null;
    this.state = 'connecting';
    this.restartAttempt = 0;
    this.restartTimer = 0;
    const builder = new signalR.HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => delayFor(ctx.previousRetryCount) })
      .configureLogging(signalR.LogLevel.Warning);
    const msgpack = signalR.protocols?.msgpack?.MessagePackHubProtocol;
    if (msgpack) builder.withHubProtocol(new msgpack());
    else console.warn('MessagePack protocol bundle missing: falling back to JSON');
    this.connection = builder.build();
    this.connection.serverTimeoutInMilliseconds = 30000;
    this.connection.keepAliveIntervalInMilliseconds = 10000;

    this.connection.on('assets', items => this.handlers.onAssets?.(Array.isArray(items) ? items.map(camel) : []));
    this.connection.on('districts', items => this.handlers.onDistricts?.(Array.isArray(items) ? items.map(camel) : []));
    this.connection.on('clock', clock => this.handlers.onClock?.(camel(clock)));
    this.connection.on('scenario', update => {
      const u = camel(update);
      this.handlers.onScenario?.(u);
      for (const fn of this.scenarioListeners) {
        try { fn(u); } catch (e) { console.error(e); }
      }
    });

    this.connection.onreconnecting(() => this.setState('reconnecting'));
    this.connection.onreconnected(() => {
      this.setState('connected');
      this.sendSubscribe();
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
  onScenario(fn) {
    this.scenarioListeners.add(fn);
    return () => this.scenarioListeners.delete(fn);
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.handlers.onState?.(state);
  }

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
  subscribe(viewport) {
    this.viewport = viewport;
    this.sendSubscribe();
  }

  sendSubscribe() {
    if (!this.viewport || this.connection.state !== signalR.HubConnectionState.Connected) return;
    this.connection.invoke('Subscribe', this.viewport).catch(e => console.warn('Subscribe failed', e));
  }
}
