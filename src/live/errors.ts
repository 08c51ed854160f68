/**
 * Errors of the live layer as data: a stable `code` and one line that says what happened, where,
 * and what to do. SDK and network errors are translated here, once, so that no command has to know
 * the SDK's error names and no stack trace reaches a user.
 *
 * @module
 */
import { didYouMean } from '../util/did-you-mean.js';

/** The kinds of failure a live call can end in. */
export type LiveErrorCode =
  | 'no-credentials'
  | 'credentials-rejected'
  | 'access-denied'
  | 'no-region'
  | 'unknown-region'
  | 'network'
  | 'throttled'
  | 'service'
  | 'not-found'
  | 'invalid-input'
  | 'pagination'
  | 'bad-response'
  | 'not-ready'
  | 'bad-key'
  | 'platform-unknown'
  | 'aws';

/** A live call failed. `message` is one line, fit to show a user as it is. */
export class LiveError extends Error {
  /** Always `LiveError`. */
  override readonly name = 'LiveError';

  /**
   * @param code - stable kind of failure
   * @param message - one line: what happened, where, what to do
   */
  constructor(
    readonly code: LiveErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Regions Lightsail served when this was written. Used only to suggest a correction when a
 * region's endpoint does not resolve, never to refuse a region: AWS adds regions.
 */
export const KNOWN_LIGHTSAIL_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'us-east-1',
  'us-east-2',
  'us-west-2',
] as const;

/** What a failed call was doing, for the message. */
export interface CallContext {
  /** The Lightsail operation, such as `GetBundles`. */
  readonly operation: string;
  /** The region the call went to. */
  readonly region?: string;
  /** The endpoint given by the caller, if any (otherwise the region's public endpoint). */
  readonly endpoint?: string;
  /** The profile in use, for credential messages. */
  readonly profile?: string;
}

/** The endpoint a call went to, for messages. */
export function describeEndpoint(context: CallContext): string {
  if (context.endpoint !== undefined) return context.endpoint;
  return context.region !== undefined ? `https://lightsail.${context.region}.amazonaws.com` : 'the Lightsail endpoint';
}

const CREDENTIAL_REJECTIONS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredTokenException',
  'ExpiredToken',
  'UnauthenticatedException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
]);

const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);

interface SdkErrorFields {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  hostname?: unknown;
  tip?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown; attempts?: unknown };
}

/**
 * Translates whatever a live call threw (an SDK service exception, a credential provider error, a
 * Node network error) into a {@link LiveError}. A `LiveError` passes through unchanged.
 */
export function toLiveError(error: unknown, context: CallContext): LiveError {
  if (error instanceof LiveError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorFields;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const awsMessage = firstLine(typeof e.message === 'string' ? e.message : String(error));
  const code = typeof e.code === 'string' ? e.code : undefined;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const attempts = typeof e.$metadata?.attempts === 'number' ? e.$metadata.attempts : undefined;
  const where = context.region !== undefined ? ` in ${context.region}` : '';
  const afterAttempts = attempts !== undefined && attempts > 1 ? ` after ${attempts} attempts` : '';
  const op = context.operation;

  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    const profile = context.profile ?? 'default';
    const generic = /could not load credentials from any providers/i.test(awsMessage);
    return new LiveError(
      'no-credentials',
      `no AWS credentials found (checked env, shared config/profile \`${profile}\`, SSO, instance role); ` +
        `run \`aws configure\` or set AWS_PROFILE` + (generic ? '' : ` (${awsMessage})`),
    );
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return new LiveError(
      'access-denied',
      `access denied to ${op}${where}: the credentials need the IAM permission \`lightsail:${op}\` (AWS said: ${awsMessage})`,
    );
  }
  if (CREDENTIAL_REJECTIONS.has(name)) {
    return new LiveError(
      'credentials-rejected',
      `AWS rejected the credentials on ${op}${where} (${name}: ${awsMessage}); check the access key, or renew the session (\`aws sso login\`)`,
    );
  }
  if (name === 'NotFoundException') return new LiveError('not-found', `${op}${where}: not found (${awsMessage})`);
  if (name === 'InvalidInputException') return new LiveError('invalid-input', `Lightsail refused ${op}${where}: ${awsMessage}`);
  if (name === 'AccountSetupInProgressException' || name === 'RegionSetupInProgressException') {
    const tip = typeof e.tip === 'string' && e.tip !== '' ? ` ${firstLine(e.tip)}` : ' Wait a few minutes and try again.';
    return new LiveError('service', `${op}${where}: ${awsMessage}.${tip}`.replace('..', '.'));
  }
  if (THROTTLING.has(name)) {
    return new LiveError('throttled', `Lightsail throttled ${op}${where}${afterAttempts}; wait a minute and try again`);
  }
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) {
    return new LiveError(
      'service',
      `Lightsail failed on ${op}${where} (${name}${status !== undefined ? `, HTTP ${status}` : ''})${afterAttempts}; try again later`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    const host = typeof e.hostname === 'string' ? e.hostname : describeEndpoint(context);
    if (context.endpoint === undefined && context.region !== undefined) {
      const near = didYouMean(context.region, KNOWN_LIGHTSAIL_REGIONS, 3);
      const known = (KNOWN_LIGHTSAIL_REGIONS as readonly string[]).includes(context.region);
      const hint = known
        ? 'check the network connection and DNS'
        : `is \`${context.region}\` a Lightsail region?` + (near.length > 0 ? ` Did you mean ${near[0]}?` : '');
      return new LiveError(known ? 'network' : 'unknown-region', `cannot reach the Lightsail endpoint ${host} for ${op} (host not found); ${hint}`);
    }
    return new LiveError('network', `cannot reach ${describeEndpoint(context)} for ${op} (host ${host} not found)`);
  }
  if (code === 'ECONNREFUSED') return new LiveError('network', `cannot reach ${describeEndpoint(context)} for ${op}${where}: connection refused${afterAttempts}`);
  if (code === 'ECONNRESET' || code === 'EPIPE') return new LiveError('network', `the connection to ${describeEndpoint(context)} broke during ${op}${where}${afterAttempts}`);
  if (code === 'ETIMEDOUT' || name === 'TimeoutError') return new LiveError('network', `${describeEndpoint(context)} did not answer ${op}${where} in time${afterAttempts}`);
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return new LiveError('network', `cannot reach ${describeEndpoint(context)} for ${op}${where} (${code})`);
  if (/invalid region/i.test(awsMessage) || name === 'InvalidRegion') {
    return new LiveError('unknown-region', `\`${context.region ?? ''}\` is not a valid region name (${awsMessage})`);
  }
  if (/region is missing/i.test(awsMessage)) {
    return new LiveError('no-region', 'no AWS region given: pass --region, set AWS_REGION, or set `region` in the profile');
  }
  if (status !== undefined && status >= 300 && name !== 'SyntaxError') return new LiveError('aws', `${op}${where} failed (${name}, HTTP ${status}): ${awsMessage}`);
  return new LiveError('bad-response', `${op}${where}: unexpected answer from ${describeEndpoint(context)} (${name}: ${awsMessage})`);
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}
