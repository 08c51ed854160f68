/**
 * `lightsail-compat access INSTANCE`: how to connect to an instance, from
 * `GetInstanceAccessDetails`: the Windows password (decrypted with `--key` for a custom key pair,
 * waited for with `--wait`) or the temporary SSH key and certificate (written with `--out-dir`).
 * Secrets go to stdout or to 0600 files only, never to stderr.
 *
 * @module
 */
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadBuiltinCatalog } from '../../catalog/builtin.js';
import type { Catalog, Platform } from '../../catalog/model.js';
import type { AccessDetails } from '../../live/access-details.js';
import { readCachedCatalog } from '../../live/cache.js';
import { formatAge, parseDuration } from '../../live/duration.js';
import { writeFileAtomic } from '../../live/write-file-atomic.js';
import { choiceOption, flag, parseCommandArgs, stringOption, type ParsedArgs } from '../args.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { describeFsError, readUserFile, type CliIo } from '../io.js';
import {
  LIVE_OPTIONS_HELP,
  LIVE_OPTION_SPECS,
  cacheDirectory,
  checkRegion,
  defaultRegion,
  liveClientOptions,
  liveErrorAsInput,
  noRegionError,
  progressLine,
} from '../live.js';

/** Help for `access`. */
export const usage = `Usage: lightsail-compat access INSTANCE [options]

Gets the details to connect to an instance (GetInstanceAccessDetails): for a Windows instance the
RDP user name and Administrator password, otherwise the SSH user name and a temporary key and
certificate. The protocol follows the instance's platform (GetInstance, then the blueprint's
platform); --protocol skips that lookup.

A Windows instance created with a custom key pair gets its password only encrypted with that key
pair; --key decrypts it (RSA PKCS#1 v1.5, as EC2's GetPasswordData). A new Windows instance has no
password for up to 15 minutes; --wait polls until it has one.

Passwords and keys are printed on stdout only (or written to files with mode 0600), never to
stderr. The IAM permissions needed are lightsail:GetInstanceAccessDetails, and without
--protocol also lightsail:GetInstance (and lightsail:GetBlueprints for a blueprint not in the
built-in or cached catalog).

Options:
  --region REGION      the instance's region (default: AWS_REGION, AWS_DEFAULT_REGION, else the
                       profile's region)
  --protocol ssh|rdp   protocol to get details for (default: rdp for Windows, else ssh)
  --key FILE           private key (PEM) of the instance's key pair, to decrypt its password
  --wait               wait for a new Windows instance's password, polling with backoff
  --timeout AGE        how long --wait waits: 30m, 1h (default 20m)
  --poll-interval AGE  first pause between checks with --wait; it doubles up to 1m (default 5s)
  --out-dir DIR        SSH: write the temporary key and certificate to DIR/tempkey and
                       DIR/tempkey-cert.pub, mode 0600 (DIR is created if missing)
${LIVE_OPTIONS_HELP}
  --format text|json   output format (default text); json prints every detail, secrets included

Exit codes: 0 details printed, 2 usage error, or the details could not be had.
See docs/live-catalogs.md.
`;

/** Largest key file read by `--key`: a 16384-bit RSA key in PEM is about 12 KiB. */
const KEY_FILE_LIMIT = 64 * 1024;

/** Runs `access`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('access', args, {
    region: { type: 'string' },
    protocol: { type: 'string' },
    key: { type: 'string' },
    wait: { type: 'boolean' },
    timeout: { type: 'string' },
    'poll-interval': { type: 'string' },
    'out-dir': { type: 'string' },
    ...LIVE_OPTION_SPECS,
    format: { type: 'string' },
  });
  const format = choiceOption(parsed, 'format', ['text', 'json'] as const) ?? 'text';
  const protocol = choiceOption(parsed, 'protocol', ['ssh', 'rdp'] as const);
  const [instanceName, ...extra] = parsed.positionals;
  if (instanceName === undefined || instanceName === '') throw new UsageError('access needs the name of an instance: lightsail-compat access INSTANCE');
  if (extra.length > 0) throw new UsageError(`access takes one instance (got also ${extra.join(' ')})`);
  const timeoutMs = durationOption(parsed, 'timeout', 20 * 60_000);
  const pollMs = durationOption(parsed, 'poll-interval', 5_000);
  const outDir = stringOption(parsed, 'out-dir');
  const keyPath = stringOption(parsed, 'key');
  if (protocol === 'ssh' && keyPath !== undefined) throw new UsageError('--key decrypts Windows (RDP) passwords; it does not apply with --protocol ssh');
  if (protocol === 'rdp' && outDir !== undefined) throw new UsageError('--out-dir writes SSH key files; it does not apply with --protocol rdp');
  const key = keyPath === undefined ? undefined : await readUserFile(io, keyPath, KEY_FILE_LIMIT, 'private key');

  const region = checkRegion(stringOption(parsed, 'region') ?? (await defaultRegion(io, parsed)) ?? throwNoRegion());
  const platformOf = protocol === undefined ? await knownPlatforms(io, region) : undefined;
  const progress = progressLine(io);
  const { getAccessDetails } = await import('../../live/access-details.js');
  let details: AccessDetails;
  try {
    details = await getAccessDetails(instanceName, {
      ...liveClientOptions(io, parsed, region),
      ...(protocol !== undefined && { protocol }),
      ...(platformOf !== undefined && { platformOf }),
      ...(key !== undefined && { privateKeyPem: key.text, privateKeyName: key.name }),
      ...(flag(parsed, 'wait') && {
        wait: {
          timeoutMs,
          initialDelayMs: pollMs,
          maxDelayMs: Math.max(pollMs, 60_000),
          onWait: (e) => {
            if (e.attempt === 1) io.stderr.write(`Waiting for the password of ${instanceName}: not ready yet; checking with backoff for up to ${formatAge(timeoutMs)}.\n`);
            progress.update(`waiting for the password of ${instanceName}: ${formatAge(e.elapsedMs)} so far, ${e.attempt} checks, next in ${formatAge(e.nextDelayMs)}`);
          },
        },
      }),
    });
  } catch (error) {
    throw liveErrorAsInput(error);
  } finally {
    progress.done();
  }
  if (keyPath !== undefined && details.protocol === 'ssh') io.stderr.write('note: --key was not used: the instance is reached with SSH, which has no password.\n');
  if (outDir !== undefined && details.protocol === 'rdp') io.stderr.write('note: --out-dir was not used: the instance is reached with RDP, which has no key files.\n');
  const files = outDir !== undefined && details.protocol === 'ssh' ? await writeKeyFiles(io, outDir, details) : undefined;

  if (format === 'json') {
    io.stdout.write(JSON.stringify({ ...details, ...(files !== undefined && { files }) }, null, 2) + '\n');
  } else {
    io.stdout.write(describeDetails(details, files) + '\n');
  }
  return EXIT.ok;
}

function throwNoRegion(): never {
  throw noRegionError();
}

function durationOption(parsed: ParsedArgs, name: string, fallback: number): number {
  const raw = stringOption(parsed, name);
  if (raw === undefined) return fallback;
  const ms = parseDuration(raw);
  if (ms === undefined) throw new UsageError(`--${name} ${JSON.stringify(raw)}: expected a duration such as 10s, 5m or 1h`);
  return ms;
}

/**
 * Blueprint platforms from the catalogs at hand (the built-in snapshot and the region's cached
 * catalogs), so that finding an instance's protocol usually costs one call, not a full listing.
 */
async function knownPlatforms(io: CliIo, region: string): Promise<(blueprintId: string) => Platform | undefined> {
  const catalogs: Catalog[] = [loadBuiltinCatalog().catalog];
  for (const includeInactive of [true, false]) {
    // Any age will do: a blueprint's platform never changes.
    const lookup = await readCachedCatalog(cacheDirectory(io), { region, includeInactive }, { now: io.now(), maxAgeMs: Infinity });
    if (lookup.status === 'hit') catalogs.unshift(lookup.catalog);
  }
  return (blueprintId) => {
    for (const catalog of catalogs) {
      const platform = catalog.getBlueprint(blueprintId)?.platform;
      if (platform !== undefined) return platform;
    }
    return undefined;
  };
}

interface KeyFiles {
  readonly privateKey: string;
  readonly certificate?: string;
}

/** Writes the temporary SSH key and certificate as the console's "connect using your own client" names them. */
async function writeKeyFiles(io: CliIo, outDir: string, details: AccessDetails): Promise<KeyFiles> {
  if (details.privateKey === undefined) throw new InputError(`GetInstanceAccessDetails returned no temporary key for ${details.instanceName}; nothing to write to ${outDir}`);
  const directory = resolve(io.cwd, outDir);
  try {
    const existing = await stat(directory).catch(() => undefined);
    if (existing !== undefined && !existing.isDirectory()) throw new InputError(`--out-dir ${outDir}: is a file, not a directory`);
    await mkdir(directory, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(directory, 'tempkey'), ensureNewline(details.privateKey), 0o600);
    if (details.certKey !== undefined) await writeFileAtomic(join(directory, 'tempkey-cert.pub'), ensureNewline(details.certKey), 0o600);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`--out-dir ${outDir}: ${describeFsError(error).replace(/^cannot be read/, 'cannot be written')}`);
  }
  return { privateKey: join(outDir, 'tempkey'), ...(details.certKey !== undefined && { certificate: join(outDir, 'tempkey-cert.pub') }) };
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

function describeDetails(d: AccessDetails, files: KeyFiles | undefined): string {
  const how = d.protocolFrom === 'option' ? 'as asked' : `the blueprint ${d.blueprintId ?? '?'} is ${d.platform ?? '?'}`;
  const lines = [
    `Instance:  ${d.instanceName} (${d.region})`,
    `Protocol:  ${d.protocol} (${how})`,
    `Address:   ${d.ipAddress ?? '(no public IPv4 address)'}`,
    ...(d.ipv6Addresses !== undefined && d.ipv6Addresses.length > 0 ? [`IPv6:      ${d.ipv6Addresses.join(', ')}`] : []),
    `Username:  ${d.username ?? '(not given)'}`,
  ];
  if (d.protocol === 'rdp') {
    lines.push(`Password:  ${describePassword(d)}`);
  } else {
    if (d.expiresAt !== undefined) lines.push(`Expires:   ${d.expiresAt}`);
    for (const k of d.hostKeys ?? []) lines.push(`Host key:  ${k.algorithm ?? '?'} ${k.fingerprintSHA256 ?? k.fingerprintSHA1 ?? ''}`.trimEnd());
    if (files !== undefined) {
      lines.push(`Key files: ${files.privateKey}${files.certificate !== undefined ? `, ${files.certificate}` : ''} (mode 0600)`);
      const target = d.ipAddress ?? d.ipv6Addresses?.[0];
      if (target !== undefined) lines.push(`Connect:   ssh -i ${quoteForShell(files.privateKey)} ${d.username ?? 'USER'}@${target}`);
    } else {
      lines.push('Key files: not written; pass --out-dir DIR to save the temporary key and certificate (or --format json)');
    }
  }
  return lines.join('\n');
}

function describePassword(d: AccessDetails): string {
  switch (d.passwordStatus) {
    case 'ready':
    case 'decrypted':
      return d.password ?? '';
    case 'needs-key':
      return (
        `not returned by Lightsail: the instance uses the custom key pair ${d.passwordData?.keyPairName ?? '(unnamed)'}, so Lightsail returns the password ` +
        `only encrypted with it; pass --key FILE with that key pair's private key (PEM) to decrypt it`
      );
    case 'not-ready':
      return 'not ready yet (a new Windows instance can take up to 15 minutes); run again later, or with --wait';
    case 'not-applicable':
      return '(none for this protocol)';
  }
}

function quoteForShell(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
