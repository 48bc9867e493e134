/**
 * A person's answers at the talks in a shared address, compactly: in order, comma-separated,
 * `a` accept, `w` walk away, `r` refuse, `m` the model, `c700_60_0` a counter-offer (one value per
 * issue); a seated mediator's `p700_60_0` (it proposes that package) and `s` (it stays out). Used by the address's own `t` and by each branch's `b` entry (share-branches.ts).
 */
import type { TalksAnswer } from '../../engine/index.ts';

const ANSWER_LETTER = { accept: 'a', walk: 'w', refuse: 'r', model: 'm', stay: 's' } as const;

export function encodeTalksAnswer(a: TalksAnswer): string {
  return 'values' in a ? `${a.type[0]}${a.values.join('_')}` : ANSWER_LETTER[a.type];
}

export function decodeTalksAnswer(text: string): TalksAnswer | undefined {
  const simple = Object.entries(ANSWER_LETTER).find(([, letter]) => letter === text);
  if (simple) return { type: simple[0] } as TalksAnswer;
  if (!/^[cp]-?[\d.]+(_-?[\d.]+)*$/.test(text)) return undefined;
  const values = text.slice(1).split('_').map(Number);
  return values.every(Number.isFinite) ? { type: text[0] === 'p' ? 'propose' : 'counter', values } : undefined;
}

export function encodeTalksAnswers(answers: readonly TalksAnswer[]): string {
  return answers.map(encodeTalksAnswer).join(',');
}

/**
 * The answers in `text`, up to the first that cannot be read (reported in `problems`, prefixed by
 * `label`): the talks go on from there without it, as later answers would not fit anyway.
 */
export function decodeTalksAnswers(text: string, problems: string[], label = ''): TalksAnswer[] {
  const answers: TalksAnswer[] = [];
  for (const part of text.split(',')) {
    const answer = decodeTalksAnswer(part);
    if (!answer) {
      problems.push(`${label}the talks answer \`${part}\` is not \`a\`, \`w\`, \`r\`, \`m\`, \`s\` or an offer like \`c700_60_0\` or \`p700_60_0\` (the talks go on from there without it)`);
      break;
    }
    answers.push(answer);
  }
  return answers;
}
