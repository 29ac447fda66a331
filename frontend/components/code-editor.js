import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { setDiagnostics } from '@codemirror/lint';

/**
 * <miniman-code-editor>: a CodeMirror 6 editor with YAML highlighting. Its `value` property follows the
 * text; edits go to the server as `value-changed` (debounced while typing, at once on blur), so a
 * phone's soft keyboard does not send a round trip per key. showError(line, message) marks a line
 * with the server's validation message.
 */
class MinimanCodeEditor extends HTMLElement {
  constructor() {
    super();
    this._value = '';
    this._readonly = false;
    this._editable = new Compartment();
  }

  get value() {
    return this._view ? this._view.state.doc.toString() : this._value;
  }

  set value(text) {
    this._value = text == null ? '' : String(text);
    if (this._view && this._view.state.doc.toString() !== this._value) {
      this._view.dispatch({ changes: { from: 0, to: this._view.state.doc.length, insert: this._value } });
    }
  }

  get readonly() {
    return this._readonly;
  }

  set readonly(flag) {
    this._readonly = !!flag;
    if (this._view) {
      this._view.dispatch({ effects: this._editable.reconfigure(EditorView.editable.of(!this._readonly)) });
    }
  }

  connectedCallback() {
    this.style.display = 'block';
    if (this._view) {
      return;
    }
    this._view = new EditorView({
      parent: this,
      state: EditorState.create({
        doc: this._value,
        extensions: [
          basicSetup,
          yaml(),
          EditorState.tabSize.of(2),
          this._editable.of(EditorView.editable.of(!this._readonly)),
          EditorView.lineWrapping,
          EditorView.theme({
            '&': { height: '100%', fontSize: '14px', border: '1px solid var(--lumo-contrast-20pct)', borderRadius: 'var(--lumo-border-radius-m)' },
            '.cm-scroller': { fontFamily: 'var(--lumo-font-family-monospace, monospace)' },
            // CodeMirror's base theme is light; Lumo's variables give the gutter, line and cursor both schemes
            '.cm-gutters': { backgroundColor: 'var(--lumo-contrast-5pct)', color: 'var(--lumo-secondary-text-color)', borderRight: 'none' },
            '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--lumo-primary-color-10pct)' },
            '.cm-content': { caretColor: 'var(--lumo-body-text-color)' },
            '.cm-cursor': { borderLeftColor: 'var(--lumo-body-text-color)' },
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              this._changed();
            }
          }),
          EditorView.domEventHandlers({ blur: () => this._flush() }),
        ],
      }),
    });
  }

  disconnectedCallback() {
    this._flush();
    if (this._view) {
      this._value = this._view.state.doc.toString();
      this._view.destroy();
      this._view = null;
    }
  }

  _changed() {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._flush(), 400);
  }

  _flush() {
    clearTimeout(this._timer);
    if (!this._view) {
      return;
    }
    const text = this._view.state.doc.toString();
    if (text !== this._value) {
      this._value = text;
      this.dispatchEvent(new CustomEvent('value-changed', { detail: { value: text } }));
    }
  }

  /** Marks line (1-based) with the message; line 0 puts it on the first line. */
  showError(line, message) {
    if (!this._view) {
      return;
    }
    const doc = this._view.state.doc;
    const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
    this._view.dispatch(setDiagnostics(this._view.state,
      [{ from: target.from, to: Math.max(target.to, target.from), severity: 'error', message }]));
    this._view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
  }

  clearError() {
    if (this._view) {
      this._view.dispatch(setDiagnostics(this._view.state, []));
    }
  }
}

customElements.define('miniman-code-editor', MinimanCodeEditor);
