/**
 * <miniman-log-viewer>: a read-only view of a stream of lines that keeps up with a chatty container on
 * a phone. The newest `capacity` lines (10,000 by default) live in a ring buffer; only the rows in sight
 * are in the DOM (virtual scrolling with a fixed row height), so a batch of thousands of lines costs an
 * array copy and one redraw of a screenful. The server calls append(text, kinds, times) at most four
 * times a second; the promise it returns settles after the draw, which is the server's signal to send
 * the next batch.
 *
 * Text from a log never becomes markup: rows are built with createElement/textContent. ANSI SGR colour
 * sequences turn into inline styles; every other escape or control character is dropped.
 */

const ROW = 18;
const OVERSCAN = 8;

const PALETTE = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
  '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];

// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[([0-9;:?<=>]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f]/g;

function color256(n) {
  if (n < 16) {
    return PALETTE[n];
  }
  if (n < 232) {
    const v = n - 16;
    const step = (x) => (x === 0 ? 0 : 55 + x * 40);
    return `rgb(${step(Math.floor(v / 36))},${step(Math.floor(v / 6) % 6)},${step(v % 6)})`;
  }
  const grey = 8 + (n - 232) * 10;
  return `rgb(${grey},${grey},${grey})`;
}

/** Applies one SGR parameter list to a style state; unknown codes are ignored. */
function applySgr(style, params) {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) {
      Object.assign(style, { fg: null, bg: null, bold: false, dim: false, italic: false, underline: false, inverse: false });
    } else if (c === 1) style.bold = true;
    else if (c === 2) style.dim = true;
    else if (c === 3) style.italic = true;
    else if (c === 4) style.underline = true;
    else if (c === 7) style.inverse = true;
    else if (c === 22) { style.bold = false; style.dim = false; }
    else if (c === 23) style.italic = false;
    else if (c === 24) style.underline = false;
    else if (c === 27) style.inverse = false;
    else if (c >= 30 && c <= 37) style.fg = PALETTE[c - 30];
    else if (c >= 90 && c <= 97) style.fg = PALETTE[c - 90 + 8];
    else if (c >= 40 && c <= 47) style.bg = PALETTE[c - 40];
    else if (c >= 100 && c <= 107) style.bg = PALETTE[c - 100 + 8];
    else if (c === 39) style.fg = null;
    else if (c === 49) style.bg = null;
    else if (c === 38 || c === 48) {
      let value = null;
      if (codes[i + 1] === 5 && i + 2 < codes.length) {
        value = color256(Math.min(255, codes[i + 2]));
        i += 2;
      } else if (codes[i + 1] === 2 && i + 4 < codes.length) {
        value = `rgb(${codes[i + 2] & 255},${codes[i + 3] & 255},${codes[i + 4] & 255})`;
        i += 4;
      }
      if (value) {
        style[c === 38 ? 'fg' : 'bg'] = value;
      }
    }
  }
}

/** A line as [{text, style}] segments with the escapes removed; plain is their text joined. */
export function parseAnsi(raw) {
  const segments = [];
  const style = { fg: null, bg: null, bold: false, dim: false, italic: false, underline: false, inverse: false };
  let last = 0;
  let plain = '';
  const push = (text) => {
    if (text) {
      segments.push({ text, style: { ...style } });
      plain += text;
    }
  };
  ESCAPES.lastIndex = 0;
  let m;
  while ((m = ESCAPES.exec(raw)) !== null) {
    push(raw.slice(last, m.index));
    if (m[2] === 'm' && m[1] !== undefined && !/[?<=>]/.test(m[1])) {
      applySgr(style, m[1]);
    }
    last = ESCAPES.lastIndex;
  }
  push(raw.slice(last));
  return { segments, plain };
}

/** A fixed-size ring of entries; seq numbers keep counting so positions survive evictions. */
export class RingBuffer {
  constructor(capacity) {
    this.capacity = Math.max(1, capacity | 0);
    this.items = new Array(this.capacity);
    this.start = 0;
    this.size = 0;
    this.nextSeq = 0;
  }

  /** Adds one entry, returning how many old ones fell out (0 or 1). */
  push(entry) {
    entry.seq = this.nextSeq++;
    if (this.size < this.capacity) {
      this.items[(this.start + this.size) % this.capacity] = entry;
      this.size++;
      return 0;
    }
    this.items[this.start] = entry;
    this.start = (this.start + 1) % this.capacity;
    return 1;
  }

  get(i) {
    return this.items[(this.start + i) % this.capacity];
  }

  get firstSeq() {
    return this.nextSeq - this.size;
  }

  clear() {
    this.items = new Array(this.capacity);
    this.start = 0;
    this.size = 0;
  }

  /** Keeps the newest lines that fit, with their seq numbers (search matches refer to them). */
  resize(capacity) {
    const cap = Math.max(1, capacity | 0);
    const keep = Math.min(this.size, cap);
    const items = new Array(cap);
    for (let i = 0; i < keep; i++) {
      items[i] = this.get(this.size - keep + i);
    }
    this.items = items;
    this.capacity = cap;
    this.start = 0;
    this.size = keep;
  }

}

function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

function formatTime(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:`
    + `${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const STYLE = `
:host { display: flex; flex-direction: column; min-height: 8rem; box-sizing: border-box;
  border: 1px solid var(--lumo-contrast-20pct, #ccc); border-radius: var(--lumo-border-radius-m, 4px);
  font-family: var(--lumo-font-family-monospace, monospace); font-size: 12px; position: relative; }
.bar { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; padding: 4px 6px;
  border-bottom: 1px solid var(--lumo-contrast-10pct, #eee); font-family: var(--lumo-font-family, sans-serif);
  font-size: var(--lumo-font-size-s, 13px); }
.bar input[type=search] { flex: 1 1 8rem; min-width: 6rem; font: inherit; padding: 4px 6px;
  border: 1px solid var(--lumo-contrast-30pct, #bbb); border-radius: 4px; background: var(--lumo-base-color, #fff);
  color: var(--lumo-body-text-color, #000); }
.bar button { font: inherit; min-width: 32px; min-height: 32px; border: 1px solid var(--lumo-contrast-20pct, #ccc);
  border-radius: 4px; background: var(--lumo-contrast-5pct, #f5f5f5); color: var(--lumo-body-text-color, #000); }
.bar label { display: inline-flex; align-items: center; gap: 2px; white-space: nowrap; }
.count { color: var(--lumo-secondary-text-color, #666); white-space: nowrap; }
.view { position: relative; flex: 1 1 auto; overflow: auto; overscroll-behavior: contain; min-height: 4rem;
  background: var(--lumo-base-color, #fff); color: var(--lumo-body-text-color, #000); }
.spacer { width: 1px; }
.rows { position: absolute; left: 0; top: 0; min-width: 100%; }
.row { height: ${ROW}px; line-height: ${ROW}px; white-space: pre; padding: 0 6px 0 4px;
  border-left: 3px solid transparent; }
.row.stderr { border-left-color: var(--lumo-error-color, #d33); color: var(--lumo-error-text-color, #b00); }
.row.skipped { color: var(--lumo-secondary-text-color, #666); font-style: italic;
  background: var(--lumo-contrast-5pct, #f3f3f3); }
.row.current { background: var(--lumo-primary-color-10pct, #e6f0ff); }
.time { color: var(--lumo-secondary-text-color, #777); margin-right: 6px; }
mark { background: #ffe066; color: #000; }
.jump { position: absolute; left: 50%; bottom: 28px; transform: translateX(-50%); z-index: 1; font: inherit;
  font-family: var(--lumo-font-family, sans-serif); padding: 6px 12px; border-radius: 16px; border: none;
  background: var(--lumo-primary-color, #1676f3); color: var(--lumo-primary-contrast-color, #fff);
  box-shadow: 0 2px 6px rgba(0,0,0,.3); white-space: nowrap; }
.status { padding: 2px 6px; color: var(--lumo-secondary-text-color, #666); font-family: var(--lumo-font-family, sans-serif);
  font-size: var(--lumo-font-size-xs, 11px); border-top: 1px solid var(--lumo-contrast-10pct, #eee); }
[hidden] { display: none !important; }
`;

class MinimanLogViewer extends HTMLElement {
  constructor() {
    super();
    this._ring = new RingBuffer(10000);
    this._following = true;
    this._newWhilePaused = 0;
    this._dropped = 0;
    this._term = '';
    this._matches = [];
    this._current = -1;
    this._timestamps = false;
    this._drawQueued = false;
    this._drawWaiters = [];
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style>
      <div class="bar" part="bar">
        <input type="search" placeholder="Search" aria-label="Search in the log">
        <span class="count"></span>
        <button class="prev" title="Previous match" aria-label="Previous match">↑</button>
        <button class="next" title="Next match" aria-label="Next match">↓</button>
        <label><input type="checkbox" class="ts"> Time</label>
      </div>
      <div class="view" tabindex="0"><div class="spacer"></div><div class="rows"></div></div>
      <button class="jump" hidden></button>
      <div class="status"></div>`;
    this._view = root.querySelector('.view');
    this._spacer = root.querySelector('.spacer');
    this._rows = root.querySelector('.rows');
    this._jump = root.querySelector('.jump');
    this._status = root.querySelector('.status');
    this._count = root.querySelector('.count');
    this._search = root.querySelector('input[type=search]');
    this._tsBox = root.querySelector('.ts');

    this._view.addEventListener('scroll', () => this._scrolled(), { passive: true });
    this._jump.addEventListener('click', () => this.jumpToNewest());
    this._search.addEventListener('input', () => {
      clearTimeout(this._searchTimer);
      this._searchTimer = setTimeout(() => this.search(this._search.value), 120);
    });
    this._search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        clearTimeout(this._searchTimer);
        if (this._search.value !== this._term) {
          this.search(this._search.value);
        }
        this.nextMatch(e.shiftKey ? -1 : 1);
      }
    });
    root.querySelector('.prev').addEventListener('click', () => this.nextMatch(-1));
    root.querySelector('.next').addEventListener('click', () => this.nextMatch(1));
    this._tsBox.addEventListener('change', () => {
      this._timestamps = this._tsBox.checked;
      this._queueDraw();
    });
  }

  connectedCallback() {
    // a property the server set before this element was upgraded sits on the instance, hiding the setter
    for (const name of ['capacity', 'timestamps']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this._queueDraw();
  }

  get capacity() {
    return this._ring.capacity;
  }

  set capacity(lines) {
    const n = Number(lines);
    if (n > 0 && n !== this._ring.capacity) {
      this._ring.resize(n);
      this._dropMatchesBefore(this._ring.firstSeq);
      this._queueDraw();
    }
  }

  get timestamps() {
    return this._timestamps;
  }

  set timestamps(shown) {
    this._timestamps = !!shown;
    this._tsBox.checked = this._timestamps;
    this._queueDraw();
  }

  get following() {
    return this._following;
  }

  /** Lines held now (for tests and the benchmark). */
  get size() {
    return this._ring.size;
  }

  /** The newest line's text, escapes removed, or ''. */
  get newest() {
    return this._ring.size ? this._plain(this._ring.get(this._ring.size - 1)) : '';
  }

  /**
   * One batch from the server: texts joined by newlines, a kind letter per line (o, e, s = skipped, its
   * text the count) and epoch milliseconds joined by commas ('' when none has one). Settles after the draw.
   */
  append(text, kinds, times) {
    const texts = text.split('\n');
    const stamps = times ? times.split(',') : null;
    let evicted = 0;
    const matching = this._term;
    for (let i = 0; i < texts.length; i++) {
      const kind = kinds.charAt(i) || 'o';
      const entry = { kind, raw: texts[i], time: stamps && stamps[i] ? Number(stamps[i]) : 0 };
      if (kind === 's') {
        this._dropped += Number(texts[i]) || 0;
      }
      evicted += this._ring.push(entry);
      if (matching && kind !== 's' && this._plain(entry).toLowerCase().includes(matching)) {
        this._matches.push(entry.seq);
      }
    }
    if (evicted) {
      this._dropMatchesBefore(this._ring.firstSeq);
    }
    if (!this._following) {
      this._newWhilePaused += texts.length;
      // the lines the reader looks at moved up by what fell out of the ring: keep them in place
      this._pendingShift = (this._pendingShift || 0) + evicted;
    }
    return this._queueDraw();
  }

  clear() {
    this._ring.clear();
    this._matches = [];
    this._current = -1;
    this._newWhilePaused = 0;
    this._dropped = 0;
    this._following = true;
    this._queueDraw();
  }

  /** Back to the newest line; following again. */
  jumpToNewest() {
    this._following = true;
    this._newWhilePaused = 0;
    this._pendingShift = 0;
    return this._queueDraw();
  }

  /** Highlights every line holding term (case-insensitive) and counts them; '' clears. */
  search(term) {
    this._term = (term || '').toLowerCase();
    if (this._search.value.toLowerCase() !== this._term) {
      this._search.value = term || '';
    }
    this._matches = [];
    this._current = -1;
    if (this._term) {
      for (let i = 0; i < this._ring.size; i++) {
        const entry = this._ring.get(i);
        if (entry.kind !== 's' && this._plain(entry).toLowerCase().includes(this._term)) {
          this._matches.push(entry.seq);
        }
      }
    }
    this._queueDraw();
    return this._matches.length;
  }

  /** Moves to the next (1) or previous (-1) match, pausing the follow so it stays in sight. */
  nextMatch(step) {
    if (!this._matches.length) {
      return;
    }
    if (this._current < 0) {
      this._current = step > 0 ? 0 : this._matches.length - 1;
    } else {
      this._current = (this._current + step + this._matches.length) % this._matches.length;
    }
    this._pause();
    const index = this._matches[this._current] - this._ring.firstSeq;
    this._scrollTo(Math.max(0, index * ROW - this._view.clientHeight / 2));
    this._queueDraw();
  }

  _pause() {
    if (this._following) {
      this._following = false;
      this._newWhilePaused = 0;
    }
  }

  _dropMatchesBefore(seq) {
    let cut = 0;
    while (cut < this._matches.length && this._matches[cut] < seq) {
      cut++;
    }
    if (cut) {
      this._matches.splice(0, cut);
      this._current = this._current < 0 ? -1 : Math.max(-1, this._current - cut);
    }
  }

  _plain(entry) {
    if (entry.plain === undefined) {
      // most lines carry no escape at all: keep their text as it is, parse the rest when drawn
      entry.plain = entry.raw.indexOf('\x1b') < 0 && !/[\x00-\x08\x0b-\x1f\x7f]/.test(entry.raw)
        ? entry.raw : parseAnsi(entry.raw).plain;
    }
    return entry.plain;
  }

  _scrollTo(top) {
    this._expectedTop = Math.round(top);
    this._view.scrollTop = top;
  }

  _scrolled() {
    const view = this._view;
    if (this._expectedTop !== undefined && Math.abs(view.scrollTop - this._expectedTop) <= 1) {
      this._expectedTop = undefined;
      this._queueDraw();
      return;
    }
    this._expectedTop = undefined;
    const atBottom = view.scrollTop + view.clientHeight >= view.scrollHeight - ROW / 2;
    if (atBottom && !this._following) {
      this._following = true;
      this._newWhilePaused = 0;
    } else if (!atBottom && this._following) {
      this._pause();
    }
    this._queueDraw();
  }

  _queueDraw() {
    const settled = new Promise((resolve) => this._drawWaiters.push(resolve));
    if (!this._drawQueued) {
      this._drawQueued = true;
      // a hidden tab gets no animation frames; a timer keeps the server's batches acknowledged there
      const run = () => {
        if (this._drawQueued) {
          this._drawQueued = false;
          clearTimeout(this._drawTimer);
          this._draw();
          const waiters = this._drawWaiters;
          this._drawWaiters = [];
          waiters.forEach((resolve) => resolve(true));
        }
      };
      requestAnimationFrame(run);
      this._drawTimer = setTimeout(run, 250);
    }
    return settled;
  }

  _draw() {
    const view = this._view;
    const size = this._ring.size;
    this._spacer.style.height = `${size * ROW}px`;
    if (this._following) {
      this._scrollTo(Math.max(0, size * ROW - view.clientHeight));
    } else if (this._pendingShift) {
      this._scrollTo(Math.max(0, view.scrollTop - this._pendingShift * ROW));
    }
    this._pendingShift = 0;
    const height = view.clientHeight || 400;
    const first = Math.max(0, Math.floor(view.scrollTop / ROW) - OVERSCAN);
    const last = Math.min(size, Math.ceil((view.scrollTop + height) / ROW) + OVERSCAN);
    this._rows.style.transform = `translateY(${first * ROW}px)`;
    const currentSeq = this._current >= 0 ? this._matches[this._current] : -1;
    const fragment = document.createDocumentFragment();
    for (let i = first; i < last; i++) {
      fragment.appendChild(this._row(this._ring.get(i), currentSeq));
    }
    this._rows.replaceChildren(fragment);
    this._drawChrome();
  }

  _row(entry, currentSeq) {
    const row = document.createElement('div');
    row.className = 'row';
    row.dataset.seq = entry.seq;
    if (entry.kind === 's') {
      row.classList.add('skipped');
      row.textContent = `— ${Number(entry.raw).toLocaleString('en')} lines skipped (the view could not keep up) —`;
      return row;
    }
    if (entry.kind === 'e') {
      row.classList.add('stderr');
      row.dataset.stream = 'stderr';
    }
    if (entry.seq === currentSeq) {
      row.classList.add('current');
    }
    if (this._timestamps && entry.time) {
      const time = document.createElement('span');
      time.className = 'time';
      time.textContent = formatTime(entry.time);
      row.appendChild(time);
    }
    const plain = this._plain(entry);
    const segments = plain === entry.raw ? [{ text: plain, style: null }] : parseAnsi(entry.raw).segments;
    const hits = this._hits(plain);
    let offset = 0;
    for (const segment of segments) {
      const target = segment.style && this._styled(segment.style) ? this._span(segment.style) : null;
      this._appendWithHits(target || row, segment.text, offset, hits);
      if (target) {
        row.appendChild(target);
      }
      offset += segment.text.length;
    }
    return row;
  }

  _styled(style) {
    return style.fg || style.bg || style.bold || style.dim || style.italic || style.underline || style.inverse;
  }

  _span(style) {
    const span = document.createElement('span');
    const fg = style.inverse ? (style.bg || 'var(--lumo-base-color, #fff)') : style.fg;
    const bg = style.inverse ? (style.fg || 'var(--lumo-body-text-color, #000)') : style.bg;
    if (fg) span.style.color = fg;
    if (bg) span.style.backgroundColor = bg;
    if (style.bold) span.style.fontWeight = 'bold';
    if (style.dim) span.style.opacity = '0.7';
    if (style.italic) span.style.fontStyle = 'italic';
    if (style.underline) span.style.textDecoration = 'underline';
    return span;
  }

  /** [start, end) ranges of the search term in the plain text. */
  _hits(plain) {
    if (!this._term) {
      return [];
    }
    const lower = plain.toLowerCase();
    const hits = [];
    let at = lower.indexOf(this._term);
    while (at >= 0) {
      hits.push([at, at + this._term.length]);
      at = lower.indexOf(this._term, at + this._term.length);
    }
    return hits;
  }

  /** Adds text (starting at offset in the line) to parent as text nodes, with marks around the hits. */
  _appendWithHits(parent, text, offset, hits) {
    let pos = 0;
    for (const [start, end] of hits) {
      const from = Math.max(start - offset, pos);
      const to = Math.min(end - offset, text.length);
      if (to <= from) {
        continue;
      }
      if (from > pos) {
        parent.appendChild(document.createTextNode(text.slice(pos, from)));
      }
      const mark = document.createElement('mark');
      mark.textContent = text.slice(from, to);
      parent.appendChild(mark);
      pos = to;
    }
    if (pos < text.length) {
      parent.appendChild(document.createTextNode(text.slice(pos)));
    }
  }

  _drawChrome() {
    if (this._following || this._newWhilePaused === 0) {
      this._jump.hidden = this._following;
      this._jump.textContent = 'Paused — jump to newest';
    } else {
      this._jump.hidden = false;
      this._jump.textContent = `${this._newWhilePaused.toLocaleString('en')} new lines — jump to newest`;
    }
    if (this._term) {
      this._count.textContent = this._matches.length
        ? `${this._current >= 0 ? `${this._current + 1} / ` : ''}${this._matches.length} lines` : 'no match';
    } else {
      this._count.textContent = '';
    }
    const size = this._ring.size.toLocaleString('en');
    this._status.textContent = this._dropped
      ? `${size} lines · ${this._dropped.toLocaleString('en')} skipped` : `${size} lines`;
  }
}

customElements.define('miniman-log-viewer', MinimanLogViewer);
