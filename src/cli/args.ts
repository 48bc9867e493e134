import { UserError } from './io.ts';

export interface ParsedArgs {
  positional: string[];
  /** Flag name (without dashes) → every value given, in order. Boolean flags get `'true'`. */
  flags: Map<string, string[]>;
}

/**
 * Parses `--name value`, `--name=value` and boolean `--name`. `spec` lists the flags a command
 * takes and whether each takes a value; anything else is a UserError naming the near flag.
 */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, 'value' | 'boolean'>>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!kind) {
      const known = Object.keys(spec).map((k) => `--${k}`);
      throw new UserError(`unknown option --${name}`, known.length ? `options here: ${known.join(', ')}` : undefined);
    }
    let value: string;
    if (kind === 'boolean') {
      if (eq >= 0) throw new UserError(`--${name} takes no value`);
      value = 'true';
    } else if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UserError(`--${name} needs a value`);
      value = next;
      i++;
    }
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { positional, flags };
}

export function lastFlag(args: ParsedArgs, name: string): string | undefined {
  const values = args.flags.get(name);
  return values?.[values.length - 1];
}

/** `--set NAME=VALUE` pairs → { NAME: number }. */
export function parseAssignments(values: readonly string[] | undefined, flag = 'set'): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const pair of values ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UserError(`--${flag} needs NAME=VALUE, got \`${pair}\``);
    const name = pair.slice(0, eq).trim();
    const text = pair.slice(eq + 1).trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) throw new UserError(`--${flag} ${name}: \`${text}\` is not a number`);
    out[name] = value;
  }
  return out;
}
