// The cue of a new critical alarm: a short two-tone chime made with Web Audio (no sound file) and
// a flash of the header's alarm chip. Operators can mute the sound; the choice is remembered.
const MUTE_KEY = 'citytwin.alarmSound';

export class AlarmCue {
  /** @param {HTMLElement} chip the header element that flashes */
  constructor(chip) {
    this.chip = chip;
    /** @type {AudioContext|null} */
    this.audio = null;
    this.muted = readMuted();
    /** Cues given (browser tests read it). */
    this.count = 0;
    /** @type {ReturnType<typeof setTimeout>|undefined} */
    this.timer = undefined;
  }

  /** @param {boolean} muted */
  setMuted(muted) {
    this.muted = muted;
    try { localStorage.setItem(MUTE_KEY, muted ? 'off' : 'on'); } catch { /* storage may be disabled */ }
  }

  /** Flash (always) and chime (unless muted) for a new critical alarm. */
  fire() {
    this.count++;
    document.body.dataset.alarmCue = String(this.count);
    this.chip.classList.remove('alarm-cue');
    void this.chip.offsetWidth; // restart the animation
    this.chip.classList.add('alarm-cue');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.chip.classList.remove('alarm-cue'), 4000);
    if (!this.muted) this.chime();
  }

  chime() {
    try {
      this.audio ??= new AudioContext();
      // A page that was never clicked may not play sound: the flash still shows.
      if (this.audio.state === 'suspended') this.audio.resume().catch(() => {});
      const now = this.audio.currentTime;
      for (const [i, freq] of [880, 660].entries()) {
        const osc = this.audio.createOscillator();
        const gain = this.audio.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq;
        const start = now + i * 0.22;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
        osc.connect(gain).connect(this.audio.destination);
        osc.start(start);
        osc.stop(start + 0.21);
      }
    } catch (e) {
      console.warn('No alarm sound', e);
    }
  }
}

function readMuted() {
  try { return localStorage.getItem(MUTE_KEY) === 'off'; } catch { return false; }
}
