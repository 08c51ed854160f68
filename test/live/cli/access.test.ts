import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterEach, describe, expect, it } from 'vitest';
import { always, startFakeLightsail, type FakeLightsail, type Handler } from '../../helpers/lightsail-server.js';
import { runInProcess } from '../../helpers/run-cli.js';
import { liveEnv, tempDir } from '../fixtures.js';

let server: FakeLightsail | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handlers: Record<string, Handler>) {
  server = await startFakeLightsail(handlers);
  return server;
}

// A key pair made here stands for the custom key pair the instance was created with.
const keyPair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
const PASSWORD = 'Tz9$kQ2!mB7wX4@e';
const CIPHERTEXT = forge.util.encode64(forge.pki.publicKeyFromPem(keyPair.publicKey).encrypt(PASSWORD, 'RSAES-PKCS1-V1_5'));
const TEMP_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEtemporary\n-----END RSA PRIVATE KEY-----';

const WINDOWS_INSTANCE = always({ json: { instance: { name: 'win-1', blueprintId: 'windows_server_2022', bundleId: 'small_win_3_0' } } });
const LINUX_INSTANCE = always({ json: { instance: { name: 'web-1', blueprintId: 'ubuntu_24_04', bundleId: 'nano_3_0' } } });

function rdp(password: string, ciphertext: string): Handler {
  return always({
    json: { accessDetails: { username: 'Administrator', protocol: 'rdp', ipAddress: '192.0.2.10', password, passwordData: { ciphertext, keyPairName: 'my-ohio-key' }, instanceName: 'win-1' } },
  });
}

const SSH: Handler = always({
  json: {
    accessDetails: {
      certKey: 'ssh-rsa-cert-v01@openssh.com AAAAcert',
      expiresAt: 1795867200,
      ipAddress: '192.0.2.20',
      privateKey: TEMP_KEY,
      protocol: 'ssh',
      instanceName: 'web-1',
      username: 'ubuntu',
      hostKeys: [{ algorithm: 'ssh-ed25519', publicKey: 'AAAAC3Nz', fingerprintSHA256: 'SHA256:hostkey' }],
    },
  },
});

async function access(s: FakeLightsail, args: string[], options: { home?: string; isTTY?: boolean } = {}) {
  const home = options.home ?? tempDir();
  const result = await runInProcess(['access', '--endpoint', s.url, '--region', 'us-east-2', ...args], {
    env: liveEnv(home),
    cwd: home,
    ...(options.isTTY !== undefined && { isTTY: options.isTTY }),
  });
  return { ...result, home };
}

describe('access', () => {
  it('decrypts the password of a Windows instance with a custom key pair using --key', async () => {
    const s = await serve({ GetInstance: WINDOWS_INSTANCE, GetInstanceAccessDetails: rdp('', CIPHERTEXT) });
    const home = tempDir();
    writeFileSync(join(home, 'my-ohio-key.pem'), keyPair.privateKey);
    const { code, stdout, stderr } = await access(s, ['win-1', '--key', 'my-ohio-key.pem'], { home });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        'Instance:  win-1 (us-east-2)',
        'Protocol:  rdp (the blueprint windows_server_2022 is WINDOWS)',
        'Address:   192.0.2.10',
        'Username:  Administrator',
        `Password:  ${PASSWORD}`,
        '',
      ].join('\n'),
    );
    // The platform came from the built-in catalog: no GetBlueprints listing was needed.
    expect(s.requests.map((r) => [r.operation, r.body])).toEqual([
      ['GetInstance', { instanceName: 'win-1' }],
      ['GetInstanceAccessDetails', { instanceName: 'win-1', protocol: 'rdp' }],
    ]);
  });

  it('says why there is no password and what to pass when the key is missing', async () => {
    const s = await serve({ GetInstance: WINDOWS_INSTANCE, GetInstanceAccessDetails: rdp('', CIPHERTEXT) });
    const { code, stdout, stderr } = await access(s, ['win-1']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[4]).toBe(
      "Password:  not returned by Lightsail: the instance uses the custom key pair my-ohio-key, so Lightsail returns the password only encrypted with it; pass --key FILE with that key pair's private key (PEM) to decrypt it",
    );
  });

  it('refuses a key that does not decrypt the password, in one line and without the ciphertext', async () => {
    const s = await serve({ GetInstanceAccessDetails: rdp('', CIPHERTEXT) });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
    const home = tempDir();
    writeFileSync(join(home, 'wrong.pem'), other.privateKey);
    const { code, stdout, stderr } = await access(s, ['win-1', '--protocol', 'rdp', '--key', 'wrong.pem'], { home });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^lightsail-compat: wrong\.pem does not decrypt this password( to readable text)?; is it the private key of the instance's key pair\?\n$/);
  });

  it('waits for a new instance password with a progress line, then prints it', async () => {
    const notYet = rdp('', '');
    const ready = rdp('Lightsail-Pw1', '');
    const s = await serve({ GetInstanceAccessDetails: (request, call) => (call < 3 ? notYet : ready)(request, call) });
    const { code, stdout, stderr } = await access(s, ['win-1', '--protocol', 'rdp', '--wait', '--poll-interval', '10ms'], { isTTY: true });
    expect(code).toBe(0);
    expect(stdout).toContain('Password:  Lightsail-Pw1\n');
    expect(stderr).toContain('Waiting for the password of win-1: not ready yet; checking with backoff for up to 20 minutes.\n');
    expect(stderr).toContain('\r\x1b[Kwaiting for the password of win-1: ');
    expect(stderr).not.toContain('Lightsail-Pw1');
    expect(s.calls('GetInstanceAccessDetails')).toHaveLength(3);
  });

  it('says the password is not ready and suggests --wait when not waiting', async () => {
    const s = await serve({ GetInstanceAccessDetails: rdp('', '') });
    const { code, stdout } = await access(s, ['win-1', '--protocol', 'rdp']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[4]).toBe('Password:  not ready yet (a new Windows instance can take up to 15 minutes); run again later, or with --wait');
  });

  it('writes the temporary SSH key and certificate with mode 0600 and shows how to connect', async () => {
    const s = await serve({ GetInstance: LINUX_INSTANCE, GetInstanceAccessDetails: SSH });
    const { code, stdout, stderr, home } = await access(s, ['web-1', '--out-dir', 'keys']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        'Instance:  web-1 (us-east-2)',
        'Protocol:  ssh (the blueprint ubuntu_24_04 is LINUX_UNIX)',
        'Address:   192.0.2.20',
        'Username:  ubuntu',
        'Expires:   2026-11-28T12:00:00.000Z',
        'Host key:  ssh-ed25519 SHA256:hostkey',
        'Key files: keys/tempkey, keys/tempkey-cert.pub (mode 0600)',
        'Connect:   ssh -i keys/tempkey ubuntu@192.0.2.20',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(home, 'keys', 'tempkey'), 'utf8')).toBe(TEMP_KEY + '\n');
    expect(readFileSync(join(home, 'keys', 'tempkey-cert.pub'), 'utf8')).toBe('ssh-rsa-cert-v01@openssh.com AAAAcert\n');
    expect([statSync(join(home, 'keys', 'tempkey')).mode & 0o777, statSync(join(home, 'keys', 'tempkey-cert.pub')).mode & 0o777]).toEqual([0o600, 0o600]);
  });

  it('does not print the temporary key in text without --out-dir', async () => {
    const s = await serve({ GetInstanceAccessDetails: SSH });
    const { stdout } = await access(s, ['web-1', '--protocol', 'ssh']);
    expect(stdout).not.toContain('PRIVATE KEY');
    expect(stdout).toContain('Key files: not written; pass --out-dir DIR to save the temporary key and certificate (or --format json)\n');
  });

  it('prints every detail, secrets included, as JSON for scripts', async () => {
    const s = await serve({ GetInstanceAccessDetails: SSH });
    const { code, stdout, stderr } = await access(s, ['web-1', '--protocol', 'ssh', '--format', 'json', '--out-dir', 'k']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      instanceName: 'web-1',
      region: 'us-east-2',
      protocol: 'ssh',
      protocolFrom: 'option',
      username: 'ubuntu',
      ipAddress: '192.0.2.20',
      passwordStatus: 'not-applicable',
      privateKey: TEMP_KEY,
      certKey: 'ssh-rsa-cert-v01@openssh.com AAAAcert',
      expiresAt: '2026-11-28T12:00:00.000Z',
      hostKeys: [{ algorithm: 'ssh-ed25519', publicKey: 'AAAAC3Nz', fingerprintSHA256: 'SHA256:hostkey' }],
      files: { privateKey: 'k/tempkey', certificate: 'k/tempkey-cert.pub' },
    });
  });

  it('names the permission when GetInstanceAccessDetails is denied', async () => {
    const s = await serve({ GetInstanceAccessDetails: always({ error: 'AccessDeniedException', message: 'not authorized' }) });
    const { code, stderr } = await access(s, ['web-1', '--protocol', 'ssh']);
    expect([code, stderr]).toEqual([
      2,
      'lightsail-compat: access denied to GetInstanceAccessDetails in us-east-2: the credentials need the IAM permission `lightsail:GetInstanceAccessDetails` (AWS said: not authorized)\n',
    ]);
  });

  it('refuses bad usage before calling AWS', async () => {
    const s = await serve({});
    const cases = [
      [[], 'lightsail-compat: access needs the name of an instance: lightsail-compat access INSTANCE\n'],
      [['a', 'b'], 'lightsail-compat: access takes one instance (got also b)\n'],
      [['a', '--protocol', 'telnet'], 'lightsail-compat: --protocol "telnet": expected one of ssh, rdp\n'],
      [['a', '--protocol', 'ssh', '--key', 'k.pem'], 'lightsail-compat: --key decrypts Windows (RDP) passwords; it does not apply with --protocol ssh\n'],
      [['a', '--wait', '--timeout', 'soon'], 'lightsail-compat: --timeout "soon": expected a duration such as 10s, 5m or 1h\n'],
      [['a', '--key', 'missing.pem'], 'lightsail-compat: missing.pem: no such file or directory\n'],
    ] as const;
    for (const [args, stderr] of cases) {
      const result = await access(s, [...args]);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 2, stderr });
    }
    expect(s.requests).toEqual([]);
  });

  it('prints its help', async () => {
    const { code, stdout } = await runInProcess(['access', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: lightsail-compat access INSTANCE \[options\]\n/);
    expect(stdout).toContain('RSA PKCS#1 v1.5');
  });
});
