/** The editor's docs pane opens the writer's guide at the section about the key under the cursor. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docsHeading, docsSection } from '../../src/ui/logic/editor-schema.ts';

const GUIDE = readFileSync('docs/scenario-format.md', 'utf8');

describe('docs for a party briefing in the editor', () => {
  it('opens "Role briefings" for the briefing and every key inside it, not the red lines or mediators a same-named key elsewhere means', () => {
    expect(docsHeading(['parties', 'hamas'], 'briefing')).toBe('Role briefings');
    for (const key of ['summary', 'goals', 'constituencies', 'red-lines', 'pressure', 'levers']) expect(docsHeading(['parties', 'hamas', 'briefing'], key)).toBe('Role briefings');
    expect(docsHeading(['parties', 'hamas'], 'red-lines')).toBe('Red lines');
    expect(docsHeading(['parties', 'qatar'], 'pressure')).toBe('Mediators and guarantors');
  });

  it('finds that section in the guide', () => {
    const section = docsSection(GUIDE, 'Role briefings');
    expect(section).toContain('constituencies');
    expect(section).toContain('Who it answers to');
  });
});
