// Compact asset frames: the server sends MessagePack clients each flush's asset changes as one
// binary frame (target `assetsCompact`) instead of a list of named items, about a fifth of the
// bytes. Layout, little-endian:
//   header: u8 format (1) · u32 directory version · f64 ts (Unix ms, the newest reading)
//   items:  u32 asset index · u8 status · f32 per channel of the asset's kind (NaN = no value)
// Indexes point into the city's asset directory (GET /api/live/assets), fetched on the first
// frame and again whenever a frame names another version (another city pack). Decoded items have
// the shape of JSON `assets` items ({id, status, values, ts}), so the rest of the page is the same.
import { api } from './api.js';

const FORMAT = 2;
// u8 format, u32 directory version, f64 simulated ts, f64 wall-clock ts (the page uses the simulated one).
const HEADER = 21;

/**
 * @typedef {{version: number, kinds: {kind: string, channels: string[]}[], statuses: string[],
 *            kindOf: number[], ids: string[]}} AssetDirectory
 * @typedef {{id: string, status: string, values: Record<string, number>, ts: number}} AssetItem
 */

export class CompactFrameDecoder {
  /** @param {() => Promise<AssetDirectory>} [loadDirectory] */
  constructor(loadDirectory = api.assetDirectory) {
    this.loadDirectory = loadDirectory;
    /** @type {AssetDirectory|null} */
    this.directory = null;
    /** Frames are decoded in order: only the first waits for the directory. @type {Promise<unknown>} */
    this.queue = Promise.resolve();
  }

  /**
   * Decodes a frame and hands its items on, in arrival order.
   * @param {Uint8Array} bytes @param {(items: AssetItem[]) => void} deliver
   */
  push(bytes, deliver) {
    this.queue = this.queue
      .then(() => this.decode(bytes))
      .then(items => { if (items.length) deliver(items); })
      .catch(e => console.warn('Compact asset frame dropped', e));
  }

  /** @param {Uint8Array} bytes @returns {Promise<AssetItem[]>} */
  async decode(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < HEADER || view.getUint8(0) !== FORMAT) throw new Error('unknown compact frame format');
    const version = view.getUint32(1, true);
    if (this.directory?.version !== version) this.directory = await this.loadDirectory();
    const dir = this.directory;
    if (!dir || dir.version !== version) throw new Error(`asset directory ${dir?.version} does not match frame ${version}`);
    const ts = view.getFloat64(5, true);
    /** @type {AssetItem[]} */
    const items = [];
    let at = HEADER;
    while (at + 5 <= bytes.byteLength) {
      const index = view.getUint32(at, true);
      const kind = dir.kinds[dir.kindOf[index]];
      if (!kind) throw new Error(`asset index ${index} is not in the directory`);
      /** @type {Record<string, number>} */
      const values = {};
      kind.channels.forEach((name, c) => {
        const v = view.getFloat32(at + 5 + 4 * c, true);
        if (!Number.isNaN(v)) values[name] = v;
      });
      items.push({ id: dir.ids[index], status: dir.statuses[view.getUint8(at + 4)] ?? 'offline', values, ts });
      at += 5 + 4 * kind.channels.length;
    }
    return items;
  }
}
