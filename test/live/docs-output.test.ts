/**
 * The outputs docs/live-catalogs.md shows are the tool's real output: `catalog pull` and `access`
 * run here against the fake Lightsail server, with the scenario the guide describes, and each
 * output must appear in the guide as one of its text blocks, in order.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterEach, describe, expect, it } from 'vitest';
import { always, paged, startFakeLightsail, type FakeLightsail, type Handler } from '../helpers/lightsail-server.js';
import { runInProcess } from '../helpers/run-cli.js';
import { liveEnv, tempDir, US_EAST_1_BLUEPRINT_PAGES, US_EAST_1_BUNDLE_PAGES } from './fixtures.js';

const guide = readFileSync(new URL('../../docs/live-catalogs.md', import.meta.url), 'utf8');
const textBlocks = [...guide.matchAll(/^```text\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

let server: FakeLightsail | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(handlers: Record<string, Handler>, args: string[], prepare?: (home: string) => void): Promise<string> {
  server = await startFakeLightsail(handlers);
  const home = tempDir();
  prepare?.(home);
  const result = await runInProcess([...args, '--endpoint', server.url], { cwd: home, env: liveEnv(home) });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const PASSWORD = 'Tz9$kQ2!mB7wX4@e';

describe('docs/live-catalogs.md outputs', () => {
  it('has the three outputs this test produces, in order', async () => {
    const pull = await run({ GetBlueprints: paged('blueprints', US_EAST_1_BLUEPRINT_PAGES), GetBundles: paged('bundles', US_EAST_1_BUNDLE_PAGES) }, [
      'catalog',
      'pull',
      '--region',
      'us-east-1',
    ]);

    const keyPair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
    const ciphertext = forge.util.encode64(forge.pki.publicKeyFromPem(keyPair.publicKey).encrypt(PASSWORD, 'RSAES-PKCS1-V1_5'));
    const rdp = await run(
      {
        GetInstance: always({ json: { instance: { name: 'win-1', blueprintId: 'windows_server_2022', bundleId: 'small_win_3_0' } } }),
        GetInstanceAccessDetails: always({
          json: { accessDetails: { username: 'Administrator', protocol: 'rdp', ipAddress: '192.0.2.10', password: '', passwordData: { ciphertext, keyPairName: 'my-ohio-key' }, instanceName: 'win-1' } },
        }),
      },
      ['access', 'win-1', '--region', 'us-east-2', '--key', 'my-ohio-key.pem'],
      (home) => writeFileSync(join(home, 'my-ohio-key.pem'), keyPair.privateKey),
    );

    const ssh = await run(
      {
        GetInstance: always({ json: { instance: { name: 'web-1', blueprintId: 'ubuntu_24_04', bundleId: 'nano_3_0' } } }),
        GetInstanceAccessDetails: always({
          json: {
            accessDetails: {
              certKey: 'ssh-rsa-cert-v01@openssh.com AAAAcert',
              expiresAt: 1795867200,
              ipAddress: '192.0.2.20',
              privateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIEtemporary\n-----END RSA PRIVATE KEY-----',
              protocol: 'ssh',
              instanceName: 'web-1',
              username: 'ubuntu',
              hostKeys: [{ algorithm: 'ssh-ed25519', publicKey: 'AAAAC3Nz', fingerprintSHA256: 'SHA256:hostkey' }],
            },
          },
        }),
      },
      ['access', 'web-1', '--region', 'us-east-2', '--out-dir', 'keys'],
    );

    expect(textBlocks).toEqual([pull, rdp, ssh]);
  });
});
