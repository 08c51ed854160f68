/**
 * The one place that builds a Lightsail SDK client. The SDK is imported lazily, so that commands
 * which never talk to AWS never pay for loading it.
 *
 * @module
 */
import type * as LightsailSdk from '@aws-sdk/client-lightsail';
import type { LightsailClient, LightsailClientConfig } from '@aws-sdk/client-lightsail';
import { LiveError, toLiveError, type CallContext } from './errors.js';

/** Static AWS credentials, or what a credential provider resolves to. */
export interface AwsCredentials {
  /** Access key id. */
  readonly accessKeyId: string;
  /** Secret access key. */
  readonly secretAccessKey: string;
  /** Session token of temporary credentials. */
  readonly sessionToken?: string;
  /** When temporary credentials expire. */
  readonly expiration?: Date;
}

/** How to reach Lightsail: the options every live call takes. */
export interface LiveClientOptions {
  /**
   * AWS region, such as `us-east-1`. Without it the SDK resolves one the usual way (`AWS_REGION`,
   * then the profile's `region`), and a call fails with code `no-region` when there is none.
   */
  readonly region?: string;
  /** Shared config profile; without it the SDK uses `AWS_PROFILE` or `default`. */
  readonly profile?: string;
  /**
   * Endpoint URL, for private endpoints and tests. Without it the SDK uses its own
   * `AWS_ENDPOINT_URL_LIGHTSAIL` / `AWS_ENDPOINT_URL` variables, then the region's public endpoint.
   */
  readonly endpoint?: string;
  /**
   * Credentials, or a function that resolves them. Without it the SDK's default chain runs:
   * environment, shared config and credentials files (profiles, SSO, `credential_process`), web
   * identity, container and instance roles.
   */
  readonly credentials?: AwsCredentials | (() => Promise<AwsCredentials>);
  /**
   * Most attempts per request, first one included (default 4). Throttling, 5xx answers and
   * transient network errors are retried with the SDK's standard strategy: exponential backoff
   * with full jitter (base 100 ms, 500 ms after throttling).
   */
  readonly maxAttempts?: number;
}

/** Most attempts per request when the caller does not say. */
export const DEFAULT_MAX_ATTEMPTS = 4;

type Sdk = typeof LightsailSdk;

let sdkPromise: Promise<Sdk> | undefined;

/** The SDK module, imported on first use. */
export function loadSdk(): Promise<Sdk> {
  sdkPromise ??= import('@aws-sdk/client-lightsail');
  return sdkPromise;
}

/** A ready client with the region it talks to. */
export interface LiveSession {
  /** The SDK module. */
  readonly sdk: Sdk;
  /** The client; call {@link LiveSession.close} when done. */
  readonly client: LightsailClient;
  /** The region, resolved. */
  readonly region: string;
  /** Context for error messages. */
  readonly context: Omit<CallContext, 'operation'>;
  /** Closes the client's sockets. */
  close(): void;
}

/**
 * Builds a client and resolves its region. Fails with a {@link LiveError} (`no-region`,
 * `unknown-region`) before any request is sent when the region cannot be settled.
 */
export async function openSession(options: LiveClientOptions): Promise<LiveSession> {
  const sdk = await loadSdk();
  const config: LightsailClientConfig = {
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
    // Without a connection timeout an unroutable endpoint would hang for minutes.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
    ...(options.region !== undefined && { region: options.region }),
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
  };
  let client: LightsailClient;
  try {
    client = new sdk.LightsailClient(config);
  } catch (error) {
    throw toLiveError(error, baseContext(options, options.region, 'configure the client'));
  }
  let region: string;
  try {
    region = await client.config.region();
  } catch (error) {
    client.destroy();
    throw toLiveError(error, baseContext(options, options.region, 'resolve the region'));
  }
  if (region === '' || region === undefined) {
    client.destroy();
    throw new LiveError('no-region', 'no AWS region given: pass --region, set AWS_REGION, or set `region` in the profile');
  }
  const context = baseContext(options, region, '');
  return {
    sdk,
    client,
    region,
    context: { region, ...(context.endpoint !== undefined && { endpoint: context.endpoint }), ...(context.profile !== undefined && { profile: context.profile }) },
    close: () => client.destroy(),
  };
}

function baseContext(options: LiveClientOptions, region: string | undefined, operation: string): CallContext {
  return {
    operation,
    ...(region !== undefined && { region }),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.profile !== undefined && { profile: options.profile }),
  };
}

/** Sends a command and translates any failure into a {@link LiveError} that names the operation. */
export async function send<T>(session: LiveSession, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toLiveError(error, { ...session.context, operation });
  }
}
