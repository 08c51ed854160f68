/**
 * The CLI side of talking to AWS: flags shared by the live commands, client options built from
 * the CLI's environment, the catalog cache as commands see it, and progress lines. The SDK itself
 * is loaded only by `src/live`, and only when a live call is made.
 *
 * @module
 */
import { homedir } from 'node:os';
import type { Catalog } from '../catalog/model.js';
import { DEFAULT_CACHE_MAX_AGE_MS, catalogCacheDirectory, isRegionName, readCachedCatalog, writeCachedCatalog, type CacheKey, type CacheLookup } from '../live/cache.js';
import type { AwsCredentials, LiveClientOptions } from '../live/client.js';
import { formatAge, parseDuration } from '../live/duration.js';
import { LiveError } from '../live/errors.js';
import { stringOption, type OptionSpecs, type ParsedArgs } from './args.js';
import { InputError, UsageError } from './errors.js';
import type { CliIo } from './io.js';

/** Flags every command that calls AWS accepts, besides `--region`. */
export const LIVE_OPTION_SPECS: OptionSpecs = {
  profile: { type: 'string' },
  endpoint: { type: 'string' },
};

/** Help text for {@link LIVE_OPTION_SPECS}. */
export const LIVE_OPTIONS_HELP = `  --profile NAME       AWS shared config profile (default: AWS_PROFILE, else \`default\`)
  --endpoint URL       Lightsail endpoint, for private endpoints and tests (default:
                       AWS_ENDPOINT_URL_LIGHTSAIL, AWS_ENDPOINT_URL, else the region's)`;

/** The flag that disables the SDK's warning about Node 20; see {@link quietSdkNodeWarning}. */
const SDK_NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * Keeps the SDK's `NodeVersionSupportWarning` (printed once per process on Node < 22: "versions
 * published after the first week of January 2027 will require node >=22") off the terminal: every
 * CLI run is a new process, so users would see it on every call, and it is about our dependency,
 * not their command. The SDK reads its documented switch from the real process environment, so it
 * is set there; a user who sets the variable to anything else still gets the warning.
 */
export function quietSdkNodeWarning(): void {
  process.env[SDK_NODE_WARNING_SWITCH] ??= 'true';
}

/**
 * Whether the CLI runs on the real process environment. Tests run the CLI in process with an
 * environment of their own; then credentials come only from that environment, so that a test
 * can never pick up the developer's `~/.aws` or an instance role.
 */
function usesProcessEnvironment(io: CliIo): boolean {
  return io.env === process.env;
}

function envValue(io: CliIo, name: string): string | undefined {
  const value = io.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The profile the user chose: `--profile`, else `AWS_PROFILE`. */
export function chosenProfile(io: CliIo, parsed: ParsedArgs): string | undefined {
  return stringOption(parsed, 'profile') ?? envValue(io, 'AWS_PROFILE');
}

/** Checks a `--region` value; a usage error names it when it cannot be a region. */
export function checkRegion(region: string, flagName = '--region'): string {
  if (!isRegionName(region)) throw new UsageError(`${flagName} ${JSON.stringify(region)}: not a region name (expected something like us-east-1)`);
  return region;
}

/**
 * The options for a client in `region` (or the default region when `undefined`), from the flags
 * and the CLI's environment.
 */
export function liveClientOptions(io: CliIo, parsed: ParsedArgs, region: string | undefined): LiveClientOptions {
  quietSdkNodeWarning();
  const profile = chosenProfile(io, parsed);
  const endpoint = stringOption(parsed, 'endpoint') ?? envValue(io, 'AWS_ENDPOINT_URL_LIGHTSAIL') ?? envValue(io, 'AWS_ENDPOINT_URL');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new UsageError(`--endpoint ${JSON.stringify(endpoint)}: expected an http:// or https:// URL`);
  }
  const credentials = credentialsFor(io, profile);
  return {
    ...(region !== undefined && { region }),
    ...(profile !== undefined && { profile }),
    ...(endpoint !== undefined && { endpoint }),
    ...(credentials !== undefined && { credentials }),
  };
}

const NO_CREDENTIALS = (profile: string | undefined) =>
  `no AWS credentials found (checked env, shared config/profile \`${profile ?? 'default'}\`, SSO, instance role); run \`aws configure\` or set AWS_PROFILE`;

/**
 * Credentials from the CLI's environment. On the real process the SDK's default chain does this
 * (and more), so nothing is returned; otherwise only `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`
 * (and `AWS_SESSION_TOKEN`) are used, the first link of that chain.
 */
function credentialsFor(io: CliIo, profile: string | undefined): LiveClientOptions['credentials'] {
  if (usesProcessEnvironment(io)) return undefined;
  const accessKeyId = envValue(io, 'AWS_ACCESS_KEY_ID');
  const secretAccessKey = envValue(io, 'AWS_SECRET_ACCESS_KEY');
  const sessionToken = envValue(io, 'AWS_SESSION_TOKEN');
  // As in the SDK's chain, a chosen profile takes precedence over keys in the environment.
  if (profile === undefined && accessKeyId !== undefined && secretAccessKey !== undefined) {
    const credentials: AwsCredentials = { accessKeyId, secretAccessKey, ...(sessionToken !== undefined && { sessionToken }) };
    return credentials;
  }
  return () => Promise.reject(new LiveError('no-credentials', NO_CREDENTIALS(profile)));
}

/**
 * The region to use when none is given: `AWS_REGION`, `AWS_DEFAULT_REGION`, else (on the real
 * process) the region the SDK resolves from the profile. `undefined` when there is none.
 */
export async function defaultRegion(io: CliIo, parsed: ParsedArgs): Promise<string | undefined> {
  const fromEnv = envValue(io, 'AWS_REGION') ?? envValue(io, 'AWS_DEFAULT_REGION');
  if (fromEnv !== undefined || !usesProcessEnvironment(io)) return fromEnv;
  const { openSession } = await import('../live/client.js');
  try {
    const session = await openSession(liveClientOptions(io, parsed, undefined));
    session.close();
    return session.region;
  } catch (error) {
    if (error instanceof LiveError && error.code === 'no-region') return undefined;
    throw liveErrorAsInput(error);
  }
}

/** A usage error for a command that needs a region and got none. */
export function noRegionError(): UsageError {
  return new UsageError('no AWS region: pass --region, set AWS_REGION, or set `region` in the profile');
}

/** A {@link LiveError} as the CLI's one-line {@link InputError} (exit 2); anything else unchanged. */
export function liveErrorAsInput(error: unknown): unknown {
  return error instanceof LiveError ? new InputError(error.message) : error;
}

/** The cache directory for this CLI environment. */
export function cacheDirectory(io: CliIo): string {
  return catalogCacheDirectory(io.env, envValue(io, 'HOME') ?? homedir());
}

/** `--max-age` in milliseconds (default 24 hours). */
export function maxAgeOption(parsed: ParsedArgs): number {
  const raw = stringOption(parsed, 'max-age');
  if (raw === undefined) return DEFAULT_CACHE_MAX_AGE_MS;
  const ms = parseDuration(raw);
  if (ms === undefined) throw new UsageError(`--max-age ${JSON.stringify(raw)}: expected a duration such as 30m, 24h or 7d`);
  return ms;
}

/** A line on stderr that rewrites itself, shown only on a terminal. */
export interface ProgressLine {
  /** Replaces the line's text. */
  update(text: string): void;
  /** Clears the line. */
  done(): void;
}

/** A progress line on stderr when it is a TTY; silent otherwise, so logs stay clean. */
export function progressLine(io: CliIo): ProgressLine {
  if (!io.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(text) {
      io.stderr.write(`\r\x1b[K${text}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** The listing that catalog-using commands read with `--catalog live`: `catalog pull`'s default. */
const LIVE_CATALOG_LISTING = { includeInactive: false } as const;

/**
 * The live catalog of `region` for a catalog-using command (`--catalog live`): the cached one
 * while it is younger than `--max-age`, else a fresh pull (which refreshes the cache). When the
 * pull fails and a cached catalog exists, that one is used with a warning that says its age.
 */
export async function resolveLiveCatalog(io: CliIo, parsed: ParsedArgs, region: string | undefined): Promise<Catalog> {
  const maxAgeMs = maxAgeOption(parsed);
  const target = region ?? (await defaultRegion(io, parsed));
  if (target === undefined) throw noRegionError();
  const key: CacheKey = { region: checkRegion(target), ...LIVE_CATALOG_LISTING };
  const directory = cacheDirectory(io);
  const cached = await readCachedCatalog(directory, key, { now: io.now(), maxAgeMs });
  if (cached.status === 'hit' && cached.fresh) {
    io.stderr.write(`Using the live catalog of ${target} from the cache (pulled ${formatAge(cached.ageMs)} ago).\n`);
    return cached.catalog;
  }
  const { fetchCatalog } = await import('../live/fetch-catalog.js');
  const progress = progressLine(io);
  try {
    const result = await fetchCatalog({
      ...liveClientOptions(io, parsed, target),
      ...LIVE_CATALOG_LISTING,
      now: () => io.now(),
      onPage: (e) => progress.update(`pulling the ${target} catalog: ${e.operation} page ${e.page}`),
    });
    progress.done();
    await storeInCache(io, directory, key, result.file);
    io.stderr.write(
      `Pulled the live catalog of ${target}: ${result.catalog.blueprints.length} blueprints, ${result.catalog.bundles.length} bundles` +
        (cached.status === 'hit' ? ` (the cached one was ${formatAge(cached.ageMs)} old).\n` : '.\n'),
    );
    return result.catalog;
  } catch (error) {
    progress.done();
    if (!(error instanceof LiveError) || cached.status !== 'hit') throw liveErrorAsInput(error);
    io.stderr.write(
      `warning: could not refresh the ${target} catalog (${error.message}); using the cached one, pulled ${formatAge(cached.ageMs)} ago, ` +
        `older than the --max-age of ${formatAge(maxAgeMs)}.\n`,
    );
    return cached.catalog;
  }
}

/** Writes a pulled catalog to the cache; a cache that cannot be written is a warning, not a failure. */
export async function storeInCache(io: CliIo, directory: string, key: CacheKey, file: Parameters<typeof writeCachedCatalog>[2]): Promise<string | undefined> {
  try {
    return await writeCachedCatalog(directory, key, file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown error';
    io.stderr.write(`warning: could not write the catalog cache in ${directory} (${reason}); the next run will pull again.\n`);
    return undefined;
  }
}

/**
 * The cached catalog of `region` without pulling (a command given `--region` but not
 * `--catalog live`), with a warning when it is older than `--max-age`; `undefined` when there is
 * no usable cached catalog.
 */
export async function cachedCatalogForRegion(io: CliIo, parsed: ParsedArgs, region: string): Promise<Catalog | undefined> {
  const maxAgeMs = maxAgeOption(parsed);
  const lookup: CacheLookup = await readCachedCatalog(cacheDirectory(io), { region, ...LIVE_CATALOG_LISTING }, { now: io.now(), maxAgeMs });
  if (lookup.status !== 'hit') return undefined;
  if (lookup.fresh) {
    io.stderr.write(`Using the live catalog of ${region} from the cache (pulled ${formatAge(lookup.ageMs)} ago).\n`);
  } else {
    io.stderr.write(
      `warning: the cached ${region} catalog was pulled ${formatAge(lookup.ageMs)} ago, older than the --max-age of ${formatAge(maxAgeMs)}; ` +
        `refresh it with \`lightsail-compat catalog pull --region ${region}\` or pass --catalog live.\n`,
    );
  }
  return lookup.catalog;
}
