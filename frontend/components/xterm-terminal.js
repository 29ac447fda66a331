import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';

/**
 * <miniman-xterm>: an xterm.js terminal. Keys typed go to the server as `terminal-input` events; the
 * size after each fit goes as `terminal-resize`, so the server can resize the exec's TTY. The server
 * writes output with write(text). The scrollback is bounded so a long session stays small.
 */
class MinimanXterm extends HTMLElement {
  connectedCallback() {
    this.style.display = 'block';
    if (this._terminal) {
      return;
    }
    this._terminal = new Terminal({ scrollback: 2000, cursorBlink: true, convertEol: false, fontSize: 14 });
    this._fit = new FitAddon();
    this._terminal.loadAddon(this._fit);
    this._terminal.open(this);
    this._terminal.onData((data) => this.dispatchEvent(new CustomEvent('terminal-input', { detail: { data } })));
    this._terminal.onResize(({ cols, rows }) =>
      this.dispatchEvent(new CustomEvent('terminal-resize', { detail: { cols, rows } })));
    this._observer = new ResizeObserver(() => this.fit());
    this._observer.observe(this);
    this.fit();
    const { cols, rows } = this._terminal;
    this.dispatchEvent(new CustomEvent('terminal-resize', { detail: { cols, rows } }));
  }

  disconnectedCallback() {
    if (this._observer) {
      this._observer.disconnect();
    }
    if (this._terminal) {
      this._terminal.dispose();
      this._terminal = null;
    }
  }

  fit() {
    if (this._fit && this.offsetWidth > 0 && this.offsetHeight > 0) {
      this._fit.fit();
    }
  }

  write(text) {
    if (this._terminal) {
      this._terminal.write(text);
    }
  }

  clear() {
    if (this._terminal) {
      this._terminal.reset();
    }
  }

  focusTerminal() {
    if (this._terminal) {
      this._terminal.focus();
    }
  }
}

customElements.define('miniman-xterm', MinimanXterm);
