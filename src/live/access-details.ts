/**
 * How to connect to an instance: `GetInstanceAccessDetails` with the protocol that fits the
 * instance's platform, the Windows password decrypted when the instance uses a custom key pair,
 * and waiting for a new instance's password.
 *
 * @module
 */
import type { InstanceAccessDetails } from '@aws-sdk/client-lightsail';
import type { Platform } from '../catalog/model.js';
import { openSession, send, type LiveClientOptions, type LiveSession } from './client.js';
import { decryptWindowsPassword } from './decrypt-password.js';
import { LiveError } from './errors.js';
import { DEFAULT_MAX_PAGES, readAllPages } from './fetch-catalog.js';
import { formatAge } from './duration.js';

/** The protocols `GetInstanceAccessDetails` serves. */
export type AccessProtocol = 'ssh' | 'rdp';

/**
 * Where a Windows password stands:
 * - `ready`: Lightsail returned it (the instance uses the default key pair);
 * - `decrypted`: decrypted here from `passwordData.ciphertext` with the key pair's private key;
 * - `needs-key`: the instance uses a custom key pair, so Lightsail returns only the ciphertext;
 * - `not-ready`: a new instance has no password yet (up to 15 minutes);
 * - `not-applicable`: SSH access, which has no password.
 */
export type PasswordStatus = 'ready' | 'decrypted' | 'needs-key' | 'not-ready' | 'not-applicable';

/** A host key or RDP certificate of the instance, with dates as ISO 8601 strings. */
export interface HostKey {
  /** `ssh-ed25519`, `ecdsa-sha2-nistp256`, ..., or `x509-cert` for RDP. */
  readonly algorithm?: string;
  /** The public key or certificate. */
  readonly publicKey?: string;
  /** When Lightsail recorded it. */
  readonly witnessedAt?: string;
  /** SHA-1 fingerprint. */
  readonly fingerprintSHA1?: string;
  /** SHA-256 fingerprint. */
  readonly fingerprintSHA256?: string;
  /** Start of an RDP certificate's validity. */
  readonly notValidBefore?: string;
  /** End of an RDP certificate's validity. */
  readonly notValidAfter?: string;
}

/**
 * Access details as plain data (dates as ISO 8601 strings), with the password resolved where it
 * could be. Holds secrets (`password`, `privateKey`): never log it.
 */
export interface AccessDetails {
  /** The instance. */
  readonly instanceName: string;
  /** The region it is in. */
  readonly region: string;
  /** The protocol the details are for. */
  readonly protocol: AccessProtocol;
  /** How the protocol was chosen: given by the caller, or from the instance's platform. */
  readonly protocolFrom: 'option' | 'platform';
  /** The instance's blueprint, when it was looked up. */
  readonly blueprintId?: string;
  /** The instance's platform, when it was looked up. */
  readonly platform?: Platform;
  /** User name to log in with. */
  readonly username?: string;
  /** Public IPv4 address. */
  readonly ipAddress?: string;
  /** IPv6 addresses. */
  readonly ipv6Addresses?: readonly string[];
  /** RDP: the password, from Lightsail or decrypted here. */
  readonly password?: string;
  /** Where the password stands. */
  readonly passwordStatus: PasswordStatus;
  /** RDP: the encrypted password and the key pair it was encrypted for. */
  readonly passwordData?: {
    /** The password encrypted with the key pair's public key, base64; empty while not ready. */
    readonly ciphertext?: string;
    /** The key pair the instance was created with. */
    readonly keyPairName?: string;
  };
  /** SSH: the temporary private key (OpenSSH clients: save as `tempkey`). */
  readonly privateKey?: string;
  /** SSH: the certificate for the temporary key (save as `tempkey-cert.pub`). */
  readonly certKey?: string;
  /** SSH: when the temporary key expires. */
  readonly expiresAt?: string;
  /** Host keys or the RDP certificate. */
  readonly hostKeys?: readonly HostKey[];
}

/** Waiting for a new Windows instance's password. */
export interface WaitOptions {
  /** Give up after this long (milliseconds). */
  readonly timeoutMs: number;
  /** First pause between checks (default 5 s); each pause doubles, up to `maxDelayMs`. */
  readonly initialDelayMs?: number;
  /** Longest pause between checks (default 60 s). */
  readonly maxDelayMs?: number;
  /** Called before each pause, for a progress line. */
  readonly onWait?: (event: WaitEvent) => void;
  /** Pauses; a parameter so tests need not wait (default `setTimeout`). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Monotonic clock in milliseconds (default `performance.now`). */
  readonly clock?: () => number;
}

/** The password is not ready yet; the next check is after `nextDelayMs`. */
export interface WaitEvent {
  /** Checks made so far. */
  readonly attempt: number;
  /** Time waited so far, in milliseconds. */
  readonly elapsedMs: number;
  /** Pause before the next check, in milliseconds. */
  readonly nextDelayMs: number;
}

/** Options for {@link getAccessDetails}. */
export interface GetAccessDetailsOptions extends LiveClientOptions {
  /**
   * `ssh` or `rdp`. Without it the instance's platform decides (`rdp` for Windows): the instance's
   * blueprint comes from `GetInstance`, and its platform from `platformOf` or, failing that, from
   * `GetBlueprints` (inactive blueprints included).
   */
  readonly protocol?: AccessProtocol;
  /** A blueprint's platform from a catalog at hand, to skip `GetBlueprints`; `undefined` if unknown. */
  readonly platformOf?: (blueprintId: string) => Platform | undefined;
  /** The key pair's private key (PEM), to decrypt a Windows password encrypted for a custom key pair. */
  readonly privateKeyPem?: string;
  /** Name of that key for messages (a file name). */
  readonly privateKeyName?: string;
  /** Wait for a new Windows instance's password instead of returning `not-ready`. */
  readonly wait?: WaitOptions;
}

/**
 * Gets the details to connect to an instance with `GetInstanceAccessDetails`: for SSH a temporary
 * key and certificate, for RDP (Windows) the Administrator password. With `privateKeyPem`, a
 * password that Lightsail returns only encrypted (custom key pair) is decrypted, assuming RSA
 * PKCS#1 v1.5 as EC2 uses. With `wait`, a password that is not ready yet is polled for with
 * backoff. Failures are {@link LiveError}s with one-line messages.
 *
 * @example
 * ```ts
 * const details = await getAccessDetails('my-windows', { region: 'us-east-2', privateKeyPem });
 * details.password;
 * ```
 */
export async function getAccessDetails(instanceName: string, options: GetAccessDetailsOptions = {}): Promise<AccessDetails> {
  const session = await openSession(options);
  try {
    const base: DetailsBase =
      options.protocol !== undefined
        ? { instanceName, region: session.region, protocol: options.protocol, protocolFrom: 'option' }
        : { instanceName, region: session.region, protocolFrom: 'platform', ...(await protocolForInstance(session, instanceName, options)) };
    let raw = await requestDetails(session, instanceName, base.protocol);
    if (base.protocol === 'rdp' && options.wait !== undefined && passwordStatusOf(raw) === 'not-ready') {
      raw = await waitForPassword(session, instanceName, raw, options.wait);
    }
    return await toAccessDetails(raw, base, options);
  } finally {
    session.close();
  }
}

async function requestDetails(session: LiveSession, instanceName: string, protocol: AccessProtocol): Promise<InstanceAccessDetails> {
  const { sdk, client } = session;
  const out = await send(session, 'GetInstanceAccessDetails', () => client.send(new sdk.GetInstanceAccessDetailsCommand({ instanceName, protocol })));
  if (out.accessDetails === undefined) {
    throw new LiveError('bad-response', `GetInstanceAccessDetails for ${instanceName} in ${session.region} answered without accessDetails`);
  }
  return out.accessDetails;
}

async function protocolForInstance(
  session: LiveSession,
  instanceName: string,
  options: GetAccessDetailsOptions,
): Promise<{ protocol: AccessProtocol; blueprintId: string; platform: Platform }> {
  const skip = ' (or pass --protocol ssh|rdp to skip this lookup)';
  try {
    const { sdk, client } = session;
    const out = await send(session, 'GetInstance', () => client.send(new sdk.GetInstanceCommand({ instanceName })));
    const blueprintId = out.instance?.blueprintId;
    if (blueprintId === undefined || blueprintId === '') {
      throw new LiveError('platform-unknown', `cannot tell the platform of ${instanceName}: GetInstance did not name its blueprint; pass --protocol ssh or rdp`);
    }
    let platform = options.platformOf?.(blueprintId);
    if (platform === undefined) {
      const pages = await readAllPages(session, 'GetBlueprints', { region: session.region, maxPages: DEFAULT_MAX_PAGES }, (pageToken) =>
        client.send(new sdk.GetBlueprintsCommand({ includeInactive: true, ...(pageToken !== undefined && { pageToken }) })),
      );
      platform = pages.flatMap((p) => p.blueprints ?? []).find((b) => b.blueprintId === blueprintId)?.platform;
    }
    if (platform === undefined) {
      throw new LiveError(
        'platform-unknown',
        `cannot tell the platform of ${instanceName}: its blueprint ${blueprintId} is not listed by GetBlueprints in ${session.region}; pass --protocol ssh or rdp`,
      );
    }
    return { protocol: platform === 'WINDOWS' ? 'rdp' : 'ssh', blueprintId, platform };
  } catch (error) {
    if (error instanceof LiveError && error.code === 'access-denied') throw new LiveError(error.code, error.message + skip);
    throw error;
  }
}

/** Where the password of raw access details stands, before any decryption. */
function passwordStatusOf(raw: InstanceAccessDetails): PasswordStatus {
  if (raw.protocol === 'ssh') return 'not-applicable';
  if (raw.password !== undefined && raw.password !== '') return 'ready';
  if (raw.passwordData?.ciphertext !== undefined && raw.passwordData.ciphertext !== '') return 'needs-key';
  return 'not-ready';
}

async function waitForPassword(session: LiveSession, instanceName: string, first: InstanceAccessDetails, wait: WaitOptions): Promise<InstanceAccessDetails> {
  const sleep = wait.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = wait.clock ?? (() => performance.now());
  const maxDelay = wait.maxDelayMs ?? 60_000;
  const start = clock();
  let delay = wait.initialDelayMs ?? 5_000;
  let raw = first;
  for (let attempt = 1; passwordStatusOf(raw) === 'not-ready'; attempt++) {
    const elapsedMs = clock() - start;
    if (elapsedMs >= wait.timeoutMs) {
      throw new LiveError(
        'not-ready',
        `the password of ${instanceName} is still not ready after ${formatAge(elapsedMs)} (${attempt} checks); a new Windows instance can take 15 minutes or more: try again later`,
      );
    }
    const nextDelayMs = Math.min(delay, maxDelay, Math.max(0, wait.timeoutMs - elapsedMs));
    wait.onWait?.({ attempt, elapsedMs, nextDelayMs });
    await sleep(nextDelayMs);
    delay = Math.min(delay * 2, maxDelay);
    raw = await requestDetails(session, instanceName, 'rdp');
  }
  return raw;
}

/** What is known before the details arrive. */
type DetailsBase = Pick<AccessDetails, 'instanceName' | 'region' | 'protocol' | 'protocolFrom' | 'blueprintId' | 'platform'>;

async function toAccessDetails(raw: InstanceAccessDetails, base: DetailsBase, options: GetAccessDetailsOptions): Promise<AccessDetails> {
  let status = passwordStatusOf({ ...raw, protocol: base.protocol });
  let password = raw.password !== undefined && raw.password !== '' ? raw.password : undefined;
  const ciphertext = raw.passwordData?.ciphertext;
  if (status === 'needs-key' && options.privateKeyPem !== undefined && ciphertext !== undefined) {
    password = await decryptWindowsPassword(ciphertext, options.privateKeyPem, {
      ...(options.privateKeyName !== undefined && { keyName: options.privateKeyName }),
    });
    status = 'decrypted';
  }
  const passwordData = raw.passwordData;
  return {
    instanceName: raw.instanceName ?? base.instanceName,
    region: base.region,
    protocol: base.protocol,
    protocolFrom: base.protocolFrom,
    ...(base.blueprintId !== undefined && { blueprintId: base.blueprintId }),
    ...(base.platform !== undefined && { platform: base.platform }),
    ...(raw.username !== undefined && { username: raw.username }),
    ...(raw.ipAddress !== undefined && { ipAddress: raw.ipAddress }),
    ...(raw.ipv6Addresses !== undefined && { ipv6Addresses: raw.ipv6Addresses }),
    ...(password !== undefined && { password }),
    passwordStatus: status,
    ...(passwordData !== undefined && {
      passwordData: {
        ...(passwordData.ciphertext !== undefined && { ciphertext: passwordData.ciphertext }),
        ...(passwordData.keyPairName !== undefined && { keyPairName: passwordData.keyPairName }),
      },
    }),
    ...(raw.privateKey !== undefined && raw.privateKey !== '' && { privateKey: raw.privateKey }),
    ...(raw.certKey !== undefined && raw.certKey !== '' && { certKey: raw.certKey }),
    ...(raw.expiresAt !== undefined && { expiresAt: isoDate(raw.expiresAt) }),
    ...(raw.hostKeys !== undefined && {
      hostKeys: raw.hostKeys.map((k) => ({
        ...(k.algorithm !== undefined && { algorithm: k.algorithm }),
        ...(k.publicKey !== undefined && { publicKey: k.publicKey }),
        ...(k.witnessedAt !== undefined && { witnessedAt: isoDate(k.witnessedAt) }),
        ...(k.fingerprintSHA1 !== undefined && { fingerprintSHA1: k.fingerprintSHA1 }),
        ...(k.fingerprintSHA256 !== undefined && { fingerprintSHA256: k.fingerprintSHA256 }),
        ...(k.notValidBefore !== undefined && { notValidBefore: isoDate(k.notValidBefore) }),
        ...(k.notValidAfter !== undefined && { notValidAfter: isoDate(k.notValidAfter) }),
      })),
    }),
  };
}

function isoDate(value: Date): string {
  return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
}
