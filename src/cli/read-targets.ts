import { batchTargets, parseTargetFile, sourceDescriber, splitTargetsFlag, type BatchTarget, type DesignSource } from '../batch/index.ts';
import type { ParsedArgs } from './args.ts';
import { UserError, type CliIO } from './io.ts';

/**
 * The targets a command works to: every `--targets FILE[#id,id]` given, else the scenario's own
 * `targets:` section.
 */
export function readTargets(args: ParsedArgs, source: DesignSource, io: CliIO): BatchTarget[] {
  const describe = sourceDescriber(source.scenario);
  const flags = args.flags.get('targets') ?? [];
  const targets = flags.length === 0
    ? batchTargets(source.scenario.targets, describe)
    : flags.flatMap((flag) => {
        const { file, ids } = splitTargetsFlag(flag);
        return batchTargets(parseTargetFile(io.readFile(file), file, ids));
      });
  if (targets.length === 0) {
    throw new UserError(`${source.file} declares no targets and none were given`, 'add a `targets:` section to the scenario (docs/explore.md), or pass --targets docs/base-rates.targets.yaml#cf-fixed-gt30-collapse');
  }
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.name)) throw new UserError(`the target ${t.name} is given twice`, 'give each target once');
    seen.add(t.name);
  }
  return targets;
}
