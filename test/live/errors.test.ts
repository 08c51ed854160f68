import { describe, expect, it } from 'vitest';
import { LiveError, toLiveError } from '../../src/live/errors.js';

// Errors shaped as the SDK and Node throw them; those the fake server can provoke are tested
// end to end in fetch-catalog.test.ts and cli/*.test.ts.
function sdkError(name: string, message: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, ...fields });
}

const context = { operation: 'GetBundles', region: 'us-east-1' } as const;

describe('toLiveError', () => {
  it('turns a CredentialsProviderError into the no-credentials line naming the profile', () => {
    const error = toLiveError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), { ...context, profile: 'ci' });
    expect([error.code, error.message]).toEqual([
      'no-credentials',
      'no AWS credentials found (checked env, shared config/profile `ci`, SSO, instance role); run `aws configure` or set AWS_PROFILE',
    ]);
  });

  it('keeps the reason of a credential error that says more than "none found"', () => {
    const error = toLiveError(sdkError('CredentialsProviderError', 'Could not resolve credentials using profile: [dev] in configuration/credentials file(s).'), { ...context, profile: 'dev' });
    expect(error.message).toBe(
      'no AWS credentials found (checked env, shared config/profile `dev`, SSO, instance role); run `aws configure` or set AWS_PROFILE ' +
        '(Could not resolve credentials using profile: [dev] in configuration/credentials file(s).)',
    );
  });

  it('says which region is not a Lightsail region when its endpoint does not resolve, with a suggestion', () => {
    const error = toLiveError(Object.assign(new Error('getaddrinfo ENOTFOUND lightsail.us-esat-1.amazonaws.com'), { code: 'ENOTFOUND', hostname: 'lightsail.us-esat-1.amazonaws.com' }), {
      operation: 'GetBlueprints',
      region: 'us-esat-1',
    });
    expect([error.code, error.message]).toEqual([
      'unknown-region',
      'cannot reach the Lightsail endpoint lightsail.us-esat-1.amazonaws.com for GetBlueprints (host not found); is `us-esat-1` a Lightsail region? Did you mean us-east-1?',
    ]);
  });

  it('blames the network, not the region, when a known region does not resolve', () => {
    const error = toLiveError(Object.assign(new Error('getaddrinfo EAI_AGAIN lightsail.eu-west-1.amazonaws.com'), { code: 'EAI_AGAIN', hostname: 'lightsail.eu-west-1.amazonaws.com' }), {
      operation: 'GetBundles',
      region: 'eu-west-1',
    });
    expect([error.code, error.message]).toEqual([
      'network',
      'cannot reach the Lightsail endpoint lightsail.eu-west-1.amazonaws.com for GetBundles (host not found); check the network connection and DNS',
    ]);
  });

  it('names the custom endpoint whose host does not resolve', () => {
    const error = toLiveError(Object.assign(new Error('getaddrinfo ENOTFOUND vpce.example.invalid'), { code: 'ENOTFOUND', hostname: 'vpce.example.invalid' }), {
      ...context,
      endpoint: 'https://vpce.example.invalid',
    });
    expect(error.message).toBe('cannot reach https://vpce.example.invalid for GetBundles (host vpce.example.invalid not found)');
  });

  it('reports rejected credentials with what to do', () => {
    const error = toLiveError(sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.', { $metadata: { httpStatusCode: 400 } }), context);
    expect([error.code, error.message]).toEqual([
      'credentials-rejected',
      'AWS rejected the credentials on GetBundles in us-east-1 (UnrecognizedClientException: The security token included in the request is invalid.); check the access key, or renew the session (`aws sso login`)',
    ]);
  });

  it('passes on the tip of a region that is still being set up', () => {
    const error = toLiveError(
      sdkError('RegionSetupInProgressException', 'The region is being set up', { tip: 'Opt-in Regions typically take a few minutes to finish setting up.', $metadata: { httpStatusCode: 400 } }),
      context,
    );
    expect(error.message).toBe('GetBundles in us-east-1: The region is being set up. Opt-in Regions typically take a few minutes to finish setting up.');
  });

  it('keeps only the first line of any message, so no stack or dump reaches the user', () => {
    const error = toLiveError(sdkError('WeirdException', 'first line\n    at somewhere (file.js:1:1)', { $metadata: { httpStatusCode: 418 } }), context);
    expect(error.message).toBe('GetBundles in us-east-1 failed (WeirdException, HTTP 418): first line');
  });

  it('returns a LiveError unchanged', () => {
    const original = new LiveError('pagination', 'looped');
    expect(toLiveError(original, context)).toBe(original);
  });
});
