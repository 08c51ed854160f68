import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { afterEach, describe, expect, it } from 'vitest';
import { getAccessDetails } from '../../src/live/access-details.js';
import { LiveError } from '../../src/live/errors.js';
import { always, paged, startFakeLightsail, type FakeLightsail, type Handler } from '../helpers/lightsail-server.js';
import { TEST_CREDENTIALS, US_EAST_1_BLUEPRINT_PAGES } from './fixtures.js';

let server: FakeLightsail | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handlers: Record<string, Handler>): Promise<FakeLightsail> {
  server = await startFakeLightsail(handlers);
  return server;
}

function connection(s: FakeLightsail) {
  return { region: 'us-east-2', endpoint: s.url, credentials: TEST_CREDENTIALS };
}

const keyPair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
const PASSWORD = 'Jq4&mT8!rW2zP6#c';
const CIPHERTEXT = forge.util.encode64(forge.pki.publicKeyFromPem(keyPair.publicKey).encrypt(PASSWORD, 'RSAES-PKCS1-V1_5'));

function instance(blueprintId: string): Handler {
  return always({ json: { instance: { name: 'web-1', blueprintId, bundleId: 'nano_3_0', username: 'ec2-user' } } });
}

/** Windows access details as the AWS developer guide shows them for a custom key pair. */
function rdpDetails(password: string, ciphertext: string): Handler {
  return always({
    json: {
      accessDetails: {
        username: 'Administrator',
        protocol: 'rdp',
        ipAddress: '192.0.2.10',
        passwordData: { ciphertext, keyPairName: 'my-ohio-key' },
        password,
        instanceName: '2016-ohio-windows',
      },
    },
  });
}

const SSH_DETAILS: Handler = always({
  json: {
    accessDetails: {
      certKey: 'ssh-rsa-cert-v01@openssh.com AAAAcert',
      expiresAt: 1795867200.5,
      ipAddress: '192.0.2.20',
      ipv6Addresses: ['2001:db8::20'],
      privateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIItemp\n-----END RSA PRIVATE KEY-----\n',
      protocol: 'ssh',
      instanceName: 'web-1',
      username: 'ec2-user',
      hostKeys: [{ algorithm: 'ssh-ed25519', publicKey: 'AAAAC3Nz', witnessedAt: 1795860000, fingerprintSHA256: 'SHA256:abc' }],
    },
  },
});

describe('getAccessDetails', () => {
  it('asks for ssh for a Linux blueprint, found in the listing when no catalog knows it', async () => {
    const s = await serve({ GetInstance: instance('nodejs'), GetBlueprints: paged('blueprints', US_EAST_1_BLUEPRINT_PAGES), GetInstanceAccessDetails: SSH_DETAILS });
    const details = await getAccessDetails('web-1', connection(s));
    expect(details).toEqual({
      instanceName: 'web-1',
      region: 'us-east-2',
      protocol: 'ssh',
      protocolFrom: 'platform',
      blueprintId: 'nodejs',
      platform: 'LINUX_UNIX',
      username: 'ec2-user',
      ipAddress: '192.0.2.20',
      ipv6Addresses: ['2001:db8::20'],
      passwordStatus: 'not-applicable',
      privateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIItemp\n-----END RSA PRIVATE KEY-----\n',
      certKey: 'ssh-rsa-cert-v01@openssh.com AAAAcert',
      expiresAt: '2026-11-28T12:00:00.500Z',
      hostKeys: [{ algorithm: 'ssh-ed25519', publicKey: 'AAAAC3Nz', witnessedAt: '2026-11-28T10:00:00.000Z', fingerprintSHA256: 'SHA256:abc' }],
    });
    expect(s.calls('GetBlueprints').map((r) => r.body)).toEqual([{ includeInactive: true }, { includeInactive: true, pageToken: 'page-1' }]);
    expect(s.calls('GetInstanceAccessDetails').map((r) => r.body)).toEqual([{ instanceName: 'web-1', protocol: 'ssh' }]);
  });

  it('asks for rdp for a Windows blueprint a catalog at hand knows, without listing blueprints', async () => {
    const s = await serve({ GetInstance: instance('windows_server_2022'), GetInstanceAccessDetails: rdpDetails('Lightsail-Pw1', '') });
    const details = await getAccessDetails('web-1', { ...connection(s), platformOf: (id) => (id === 'windows_server_2022' ? 'WINDOWS' : undefined) });
    expect([details.protocol, details.password, details.passwordStatus]).toEqual(['rdp', 'Lightsail-Pw1', 'ready']);
    expect(s.calls('GetBlueprints')).toEqual([]);
    expect(s.calls('GetInstanceAccessDetails').map((r) => r.body)).toEqual([{ instanceName: 'web-1', protocol: 'rdp' }]);
  });

  it('skips the platform lookup when the protocol is given', async () => {
    const s = await serve({ GetInstanceAccessDetails: rdpDetails('', CIPHERTEXT) });
    const details = await getAccessDetails('2016-ohio-windows', { ...connection(s), protocol: 'rdp' });
    expect(s.requests.map((r) => r.operation)).toEqual(['GetInstanceAccessDetails']);
    expect([details.protocolFrom, details.passwordStatus, details.password, details.passwordData]).toEqual([
      'option',
      'needs-key',
      undefined,
      { ciphertext: CIPHERTEXT, keyPairName: 'my-ohio-key' },
    ]);
  });

  it('decrypts the password of a custom key pair with its private key', async () => {
    const s = await serve({ GetInstanceAccessDetails: rdpDetails('', CIPHERTEXT) });
    const details = await getAccessDetails('2016-ohio-windows', { ...connection(s), protocol: 'rdp', privateKeyPem: keyPair.privateKey });
    expect([details.passwordStatus, details.password]).toEqual(['decrypted', PASSWORD]);
  });

  it('polls with doubling pauses until a new instance has a password', async () => {
    const answers = [rdpDetails('', ''), rdpDetails('', ''), rdpDetails('', ''), rdpDetails('', CIPHERTEXT)];
    const s = await serve({ GetInstanceAccessDetails: (request, call) => answers[Math.min(call, answers.length) - 1]!(request, call) });
    const pauses: number[] = [];
    let now = 0;
    const details = await getAccessDetails('new-win', {
      ...connection(s),
      protocol: 'rdp',
      privateKeyPem: keyPair.privateKey,
      wait: {
        timeoutMs: 60_000,
        initialDelayMs: 1_000,
        maxDelayMs: 3_000,
        clock: () => now,
        sleep: (ms) => {
          pauses.push(ms);
          now += ms;
          return Promise.resolve();
        },
      },
    });
    expect(pauses).toEqual([1_000, 2_000, 3_000]);
    expect([details.passwordStatus, details.password]).toEqual(['decrypted', PASSWORD]);
    expect(s.calls('GetInstanceAccessDetails')).toHaveLength(4);
  });

  it('gives up waiting at the timeout with a one-line reason', async () => {
    const s = await serve({ GetInstanceAccessDetails: rdpDetails('', '') });
    let now = 0;
    const error = await getAccessDetails('new-win', {
      ...connection(s),
      protocol: 'rdp',
      wait: { timeoutMs: 10_000, initialDelayMs: 4_000, clock: () => now, sleep: (ms) => Promise.resolve(void (now += ms)) },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveError);
    expect((error as LiveError).message).toBe(
      'the password of new-win is still not ready after 10 seconds (3 checks); a new Windows instance can take 15 minutes or more: try again later',
    );
    expect(s.calls('GetInstanceAccessDetails')).toHaveLength(3);
  });

  it('returns not-ready without waiting when not asked to wait', async () => {
    const s = await serve({ GetInstanceAccessDetails: rdpDetails('', '') });
    const details = await getAccessDetails('new-win', { ...connection(s), protocol: 'rdp' });
    expect(details.passwordStatus).toBe('not-ready');
    expect(s.calls('GetInstanceAccessDetails')).toHaveLength(1);
  });

  it('names the missing permission and the way around it when GetInstance is denied', async () => {
    const s = await serve({ GetInstance: always({ error: 'AccessDeniedException', message: 'not authorized to perform: lightsail:GetInstance' }) });
    const error = (await getAccessDetails('web-1', connection(s)).catch((e: unknown) => e)) as LiveError;
    expect(error.message).toBe(
      'access denied to GetInstance in us-east-2: the credentials need the IAM permission `lightsail:GetInstance` (AWS said: not authorized to perform: lightsail:GetInstance) (or pass --protocol ssh|rdp to skip this lookup)',
    );
  });

  it('reports an unknown instance as Lightsail words it', async () => {
    const s = await serve({ GetInstanceAccessDetails: always({ error: 'NotFoundException', message: 'The Instance does not exist: web-9' }) });
    const error = (await getAccessDetails('web-9', { ...connection(s), protocol: 'ssh' }).catch((e: unknown) => e)) as LiveError;
    expect([error.code, error.message]).toEqual(['not-found', 'GetInstanceAccessDetails in us-east-2: not found (The Instance does not exist: web-9)']);
  });

  it('asks for --protocol when the blueprint is listed nowhere', async () => {
    const s = await serve({ GetInstance: instance('retired_os_1_0'), GetBlueprints: paged('blueprints', [[]]) });
    const error = (await getAccessDetails('web-1', connection(s)).catch((e: unknown) => e)) as LiveError;
    expect([error.code, error.message]).toEqual([
      'platform-unknown',
      'cannot tell the platform of web-1: its blueprint retired_os_1_0 is not listed by GetBlueprints in us-east-2; pass --protocol ssh or rdp',
    ]);
  });
});
