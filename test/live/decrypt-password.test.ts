import { generateKeyPairSync, publicEncrypt, constants } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { decryptWindowsPassword } from '../../src/live/decrypt-password.js';
import { LiveError } from '../../src/live/errors.js';

// Key pairs are generated here, so no private key is ever committed.
function rsaKeyPair(modulusLength = 2048) {
  return generateKeyPairSync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
}

/** What Lightsail (like EC2) returns: the password, RSAES-PKCS1-v1_5 encrypted, in base64. */
function encryptPassword(publicKeyPem: string, password: string): string {
  return forge.util.encode64(forge.pki.publicKeyFromPem(publicKeyPem).encrypt(forge.util.encodeUtf8(password), 'RSAES-PKCS1-V1_5'));
}

async function rejection(promise: Promise<unknown>): Promise<LiveError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LiveError);
  return error as LiveError;
}

const pair = rsaKeyPair();
const PASSWORD = 'Xq7%vLm2&ZpR9!sD';

describe('decryptWindowsPassword', () => {
  it('decrypts a PKCS#1 v1.5 ciphertext with a PKCS#1 PEM private key', async () => {
    expect(await decryptWindowsPassword(encryptPassword(pair.publicKey, PASSWORD), pair.privateKey)).toBe(PASSWORD);
  });

  it('decrypts a ciphertext made by Node itself with PKCS#1 v1.5 padding', async () => {
    const ciphertext = publicEncrypt({ key: pair.publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(PASSWORD)).toString('base64');
    expect(await decryptWindowsPassword(ciphertext, pair.privateKey)).toBe(PASSWORD);
  });

  it('accepts a PKCS#8 PEM key and base64 broken over lines', async () => {
    const pkcs8 = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const wrapped = encryptPassword(pkcs8.publicKey, PASSWORD).replace(/(.{64})/g, '$1\n');
    expect(await decryptWindowsPassword(wrapped, pkcs8.privateKey)).toBe(PASSWORD);
  });

  it('decrypts a password with non-ASCII characters as UTF-8', async () => {
    expect(await decryptWindowsPassword(encryptPassword(pair.publicKey, 'Pässwörd€1'), pair.privateKey)).toBe('Pässwörd€1');
  });

  it('refuses the private key of another key pair of the same size', async () => {
    const other = rsaKeyPair();
    const error = await rejection(decryptWindowsPassword(encryptPassword(pair.publicKey, PASSWORD), other.privateKey, { keyName: 'other.pem' }));
    expect(error.code).toBe('bad-key');
    expect(error.message).toMatch(/^other\.pem does not decrypt this password( to readable text)?; is it the private key of the instance's key pair\?$/);
  });

  it('refuses a key whose size does not match the ciphertext', async () => {
    const small = rsaKeyPair(1024);
    const error = await rejection(decryptWindowsPassword(encryptPassword(pair.publicKey, PASSWORD), small.privateKey, { keyName: 'small.pem' }));
    expect(error.message).toBe("the password ciphertext is 256 bytes but small.pem is a 1024-bit key; is it the private key of the instance's key pair?");
  });

  it('refuses an OpenSSH-format key with how to convert it', async () => {
    const error = await rejection(decryptWindowsPassword('AAAA', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----\n', { keyName: 'id_rsa' }));
    expect(error.message).toBe("id_rsa is in OpenSSH format; convert a copy to PEM with `ssh-keygen -p -m PEM -f COPY` (Lightsail's own key pair downloads are PEM already)");
  });

  it('refuses text that is not a PEM private key, and a public key', async () => {
    expect((await rejection(decryptWindowsPassword('AAAA', 'hello', { keyName: 'notes.txt' }))).message).toBe('notes.txt is not a PEM private key');
    expect((await rejection(decryptWindowsPassword('AAAA', pair.publicKey, { keyName: 'key.pub' }))).message).toBe('key.pub is not a PEM private key');
  });

  it('refuses a non-RSA key', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const error = await rejection(decryptWindowsPassword('AAAA', ec.privateKey, { keyName: 'ec.pem' }));
    expect(error.message).toBe('ec.pem is an ec key; Windows passwords are encrypted for RSA key pairs');
  });

  it('refuses an encrypted key with how to decrypt a copy', async () => {
    const locked = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' },
    });
    const error = await rejection(decryptWindowsPassword(encryptPassword(locked.publicKey, PASSWORD), locked.privateKey, { keyName: 'locked.pem' }));
    expect(error.message).toBe('locked.pem is encrypted with a passphrase; decrypt a copy first (`openssl pkey -in KEY -out COPY`)');
    expect(await decryptWindowsPassword(encryptPassword(locked.publicKey, PASSWORD), locked.privateKey, { passphrase: 'secret' })).toBe(PASSWORD);
  });
});
