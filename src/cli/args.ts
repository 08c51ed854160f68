/**
 * Command-line parsing on top of Node's own `util.parseArgs`, with messages that name the flag
 * and suggest the nearest one.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../util/did-you-mean.js';
import { UsageError } from './errors.js';

/** One flag a command accepts. */
export interface OptionSpec {
  /** `string` takes a value; `boolean` does not. */
  readonly type: 'string' | 'boolean';
  /** Whether it may be given more than once (values are collected in order). */
  readonly multiple?: boolean;
  /** One-letter alias. */
  readonly short?: string;
}

/** The flags a command accepts, by long name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Parsed flags and positional arguments. */
export interface ParsedArgs {
  /** Flag values by long name: a string, a boolean, or a list for repeatable flags. */
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  /** Arguments that are not flags, in order. */
  readonly positionals: readonly string[];
}

/**
 * Parses `args` strictly against `specs`. Unknown flags, missing values and values given to
 * boolean flags are {@link UsageError}s that name the flag (`--min-rm`: did you mean `--min-ram`?).
 */
export function parseCommandArgs(command: string, args: readonly string[], specs: OptionSpecs): ParsedArgs {
  const options = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { ...spec }]));
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError(describeParseError(command, error, specs));
  }
}

function describeParseError(command: string, error: unknown, specs: OptionSpecs): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const help = `see \`lightsail-compat ${command} --help\``;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? 'the option';
    const name = flag.replace(/^-+/, '').split('=')[0] ?? '';
    const near = didYouMean(name, Object.keys(specs), 1);
    return `unknown option ${flag}` + (near.length > 0 ? `; did you mean --${near[0]}?` : '') + `; ${help}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--[\w-]+/.exec(message)?.[0] ?? 'an option';
    const problem = /does not take an argument/.test(message) ? 'does not take a value' : 'needs a value';
    return `${flag} ${problem}; ${help}`;
  }
  return `${message.split('\n')[0]}; ${help}`;
}

/** A string flag's value, or `undefined`. For a repeated flag, the last value wins. */
export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  if (isList(value)) return value[value.length - 1];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable flag, with comma-separated lists split: `--region a,b --region c`. */
export function listOption(parsed: ParsedArgs, name: string, splitCommas = false): string[] {
  const value = parsed.values[name];
  const list: string[] = isList(value) ? [...value] : typeof value === 'string' ? [value] : [];
  return splitCommas ? list.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '') : list;
}

function isList(value: unknown): value is readonly string[] {
  return Array.isArray(value);
}

/** Whether a boolean flag was given. */
export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

/** A numeric flag: a finite number, at least `min`. `--min-ram lots` is a usage error naming the flag. */
export function numberOption(parsed: ParsedArgs, name: string, options: { min?: number; integer?: boolean } = {}): number | undefined {
  const raw = stringOption(parsed, name);
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? NaN : Number(raw);
  const min = options.min ?? 0;
  if (!Number.isFinite(value) || (options.integer === true && !Number.isInteger(value)) || value < min) {
    const kind = options.integer === true ? 'a whole number' : 'a number';
    throw new UsageError(`--${name} ${JSON.stringify(raw)}: expected ${kind} of at least ${min}`);
  }
  return value;
}

/** A flag restricted to a set of values; anything else is a usage error listing them. */
export function choiceOption<T extends string>(parsed: ParsedArgs, name: string, choices: readonly T[]): T | undefined {
  const raw = stringOption(parsed, name);
  if (raw === undefined) return undefined;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  const near = didYouMean(raw, choices, 1);
  throw new UsageError(
    `--${name} ${JSON.stringify(raw)}: expected one of ${choices.join(', ')}` + (near.length > 0 ? `; did you mean ${near[0]}?` : ''),
  );
}
