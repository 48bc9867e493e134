import * as z from 'zod';
import { Scenario } from './schema.ts';

/** The JSON Schema of scenario files (what writers type), for editor autocomplete. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://parley.invalid/scenario-v1.schema.json',
    title: 'Parley scenario (format v1)',
    description: 'A phased truce agreement and the parties who must carry it out. See docs/scenario-format.md.',
  };
}
