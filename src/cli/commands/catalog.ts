/**
 * `lightsail-compat catalog <subcommand>`: dispatches to one module per subcommand, each loaded
 * only when used.
 *
 * @module
 */
import { wantsHelp, type CommandModule } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { didYouMean } from '../../util/did-you-mean.js';

interface Subcommand {
  readonly summary: string;
  load(): Promise<CommandModule>;
}

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  validate: { summary: 'check catalog files and print every problem', load: () => import('./catalog-validate.js') },
  show: { summary: 'summarize a catalog: region, source, date, counts', load: () => import('./catalog-show.js') },
  diff: { summary: 'compare two catalogs: items added, retired, changed, and verdicts that changed', load: () => import('./catalog-diff.js') },
  pull: { summary: 'pull current catalogs of regions from AWS into the cache or files', load: () => import('./catalog-pull.js') },
};

/** Help for `catalog`. */
export const usage = `Usage: lightsail-compat catalog <subcommand> [options]

Subcommands:
${Object.entries(SUBCOMMANDS)
  .map(([name, s]) => `  ${name.padEnd(9)} ${s.summary}`)
  .join('\n')}

Run \`lightsail-compat catalog <subcommand> --help\` for its options.
`;

/** Subcommands print their own help. */
export const handlesHelp = true;

/** Runs `catalog <subcommand> ...`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(usage);
    return name === undefined ? EXIT.error : EXIT.ok;
  }
  const sub = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!sub) {
    const near = didYouMean(name, Object.keys(SUBCOMMANDS), 1);
    throw new UsageError(`unknown subcommand catalog ${name}` + (near.length > 0 ? `; did you mean catalog ${near[0]}?` : '') + '; see `lightsail-compat catalog --help`');
  }
  const command = await sub.load();
  if (wantsHelp(rest)) {
    io.stdout.write(command.usage);
    return EXIT.ok;
  }
  return command.run(rest, io);
}
