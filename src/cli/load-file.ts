import { loadScenario, ScenarioRejected, type Scenario } from '../scenario/index.ts';
import type { CliIO } from './io.ts';

/** Reads and validates a scenario file; throws ScenarioRejected with every located problem. */
export function loadScenarioFile(path: string, io: CliIO): Scenario {
  const result = loadScenario(io.readFile(path), path);
  if (!result.ok) throw new ScenarioRejected(result.problems);
  return result.scenario;
}
