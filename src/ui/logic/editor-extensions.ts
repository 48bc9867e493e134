/**
 * The CodeMirror 6 extensions of the scenario editor: YAML, diagnostics from the worker (the
 * CLI's loader), completion and hover from the JSON Schema, two-space indentation.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { indentUnit } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip, type Tooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { Problem } from '../../scenario/core.ts';
import type { DraftCheck } from './editor-check.ts';
import { docsHeading, hoverText, keySuggestions, valueSuggestions, type ScenarioIds, type SchemaNode } from './editor-schema.ts';
import { yamlContextAt } from './editor-yaml-path.ts';

export interface EditorHooks {
  schema: SchemaNode;
  /** The draft's text checked off the page; undefined when a newer check replaced it. */
  check(text: string): Promise<DraftCheck | undefined>;
  onChecked(check: DraftCheck, text: string): void;
  onChange(text: string): void;
  ids(): ScenarioIds;
  /** Show a docs/scenario-format.md section. */
  openDocs(heading: string): void;
}

/** Milliseconds of quiet after a keystroke before the draft is checked. */
export const CHECK_DELAY_MS = 60;

/** A problem's range in the document: from its line:col to the end of the word there. */
export function problemRange(doc: Text, problem: Pick<Problem, 'line' | 'col'>): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(1, problem.line), doc.lines));
  const from = Math.min(line.to, line.from + Math.max(0, problem.col - 1));
  const word = /^[^\s:,\]}]+/.exec(line.text.slice(from - line.from));
  const to = word ? from + word[0].length : Math.min(line.to, from + 1);
  return { from, to: Math.max(to, from) };
}

function docsLink(heading: string, openDocs: (heading: string) => void): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button';
  button.textContent = `Guide: ${heading.replace(/`/g, '')}`;
  button.addEventListener('click', () => openDocs(heading));
  return button;
}

export function toDiagnostic(doc: Text, problem: Problem, openDocs: (heading: string) => void): Diagnostic {
  const { from, to } = problemRange(doc, problem);
  const path = yamlContextAt(doc.toString(), from);
  const word = doc.sliceString(from, to);
  return {
    from,
    to,
    severity: problem.severity === 'warning' ? 'warning' : 'error',
    message: problem.hint ? `${problem.message} — hint: ${problem.hint}` : problem.message,
    renderMessage: () => {
      const box = document.createElement('div');
      const message = document.createElement('div');
      message.textContent = `${problem.line}:${problem.col}: ${problem.message}`;
      box.append(message);
      if (problem.hint) {
        const hint = document.createElement('div');
        hint.className = 'cm-hint';
        hint.textContent = `hint: ${problem.hint}`;
        box.append(hint);
      }
      box.append(docsLink(docsHeading(path.path, /^[\w-]+$/.test(word) ? word : path.key), openDocs));
      return box;
    },
  };
}

function completions(hooks: EditorHooks) {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const where = yamlContextAt(text, context.pos);
    if (where.word === '' && !context.explicit && where.at === 'value') return null;
    const suggestions = where.at === 'key' ? keySuggestions(hooks.schema, where) : valueSuggestions(hooks.schema, where, hooks.ids());
    if (suggestions.length === 0) return null;
    return {
      from: where.from,
      options: suggestions.map((s) => ({ label: s.label, type: s.type, ...(s.detail ? { detail: s.detail } : {}), ...(s.info ? { info: s.info } : {}), ...(s.apply ? { apply: s.apply } : {}) })),
      validFor: /^[\w-]*$/,
    };
  };
}

function hover(hooks: EditorHooks) {
  return (view: EditorView, pos: number): Tooltip | null => {
    const line = view.state.doc.lineAt(pos);
    const offset = pos - line.from;
    const left = /[\w-]*$/.exec(line.text.slice(0, offset))![0];
    const right = /^[\w-]*/.exec(line.text.slice(offset))![0];
    const word = left + right;
    if (word === '') return null;
    const start = line.from + offset - left.length;
    const after = line.text.slice(offset + right.length);
    const text = view.state.doc.toString();
    const isKey = /^\s*:/.test(after);
    const where = yamlContextAt(text, start);
    const shown = isKey ? hoverText(hooks.schema, where, word) : where.key === 'kind' ? hoverText(hooks.schema, where, 'kind', word) : undefined;
    if (!shown) return null;
    return {
      pos: start,
      end: start + word.length,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-parley-hover';
        const body = document.createElement('div');
        body.textContent = shown;
        dom.append(body, docsLink(docsHeading(where.path, isKey ? word : 'kind'), hooks.openDocs));
        return { dom };
      },
    };
  };
}

export function editorExtensions(hooks: EditorHooks): Extension[] {
  let last: Diagnostic[] = [];
  return [
    basicSetup,
    yaml(),
    EditorState.tabSize.of(2),
    indentUnit.of('  '),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': 'Scenario YAML' }),
    lintGutter(),
    linter(
      async (view) => {
        const text = view.state.doc.toString();
        const check = await hooks.check(text);
        if (!check) return last;
        hooks.onChecked(check, text);
        if (view.state.doc.toString() !== text) return last;
        last = check.problems.map((p) => toDiagnostic(view.state.doc, p, hooks.openDocs));
        return last;
      },
      { delay: CHECK_DELAY_MS },
    ),
    autocompletion({ override: [completions(hooks)], activateOnTyping: true }),
    hoverTooltip(hover(hooks), { hoverTime: 250 }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update.state.doc.toString());
    }),
  ];
}
