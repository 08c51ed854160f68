/**
 * Decrypting the Administrator password of a Windows instance created with a custom key pair.
 *
 * Lightsail documents only that it "creates the ciphertext by encrypting your password with the
 * public key part of this key pair". We assume what EC2's `GetPasswordData` does, which Lightsail's
 * Windows images share: RSA with PKCS#1 v1.5 padding (RSAES-PKCS1-v1_5), base64 encoded.
 *
 * Node 20 refuses PKCS#1 v1.5 in `crypto.privateDecrypt` since the CVE-2023-46809 hardening
 * (the Marvin timing attack), so the decryption itself is done by node-forge; Node's own parser
 * still reads the key, so every format Node knows (PKCS#1, PKCS#8, encrypted with a passphrase)
 * works. The timing attack needs an oracle that answers many chosen ciphertexts, which a local,
 * one-off decryption does not offer.
 *
 * @module
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { LiveError } from './errors.js';

/** Options for {@link decryptWindowsPassword}. */
export interface DecryptPasswordOptions {
  /** Passphrase of an encrypted private key. */
  readonly passphrase?: string;
  /** Name of the key, for messages (a file name). */
  readonly keyName?: string;
}

/**
 * Decrypts `passwordData.ciphertext` from `GetInstanceAccessDetails` with the key pair's private
 * key (PEM text). Resolves to the password; fails with a {@link LiveError} (`bad-key`) when the
 * key cannot be read, is not RSA, or does not decrypt this ciphertext.
 *
 * @example
 * ```ts
 * const password = await decryptWindowsPassword(details.passwordData.ciphertext, readFileSync('my-key.pem', 'utf8'));
 * ```
 */
export async function decryptWindowsPassword(ciphertextBase64: string, privateKeyPem: string, options: DecryptPasswordOptions = {}): Promise<string> {
  const keyName = options.keyName ?? 'the private key';
  const key = readRsaKey(privateKeyPem, keyName, options.passphrase);
  const ciphertext = Buffer.from(ciphertextBase64.replace(/\s+/g, ''), 'base64');
  const modulusBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (ciphertext.length === 0 || ciphertext.length !== modulusBytes) {
    throw new LiveError(
      'bad-key',
      `the password ciphertext is ${ciphertext.length} bytes but ${keyName} is a ${modulusBytes * 8}-bit key; is it the private key of the instance's key pair?`,
    );
  }
  const { default: forge } = await import('node-forge');
  const forgeKey = forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }).toString());
  let plain: string;
  try {
    plain = forgeKey.decrypt(ciphertext.toString('binary'), 'RSAES-PKCS1-V1_5');
  } catch {
    throw new LiveError('bad-key', `${keyName} does not decrypt this password; is it the private key of the instance's key pair?`);
  }
  const password = Buffer.from(plain, 'binary').toString('utf8');
  // A wrong key decrypts to well-padded noise about once in 2^16 tries; a password is printable.
  if (password === '' || !/^[\x20-\x7e\u00a0-\uffff]+$/u.test(password) || password.includes('\ufffd')) {
    throw new LiveError('bad-key', `${keyName} does not decrypt this password to readable text; is it the private key of the instance's key pair?`);
  }
  return password;
}

function readRsaKey(pem: string, keyName: string, passphrase: string | undefined): KeyObject {
  if (/-----BEGIN OPENSSH PRIVATE KEY-----/.test(pem)) {
    throw new LiveError(
      'bad-key',
      `${keyName} is in OpenSSH format; convert a copy to PEM with \`ssh-keygen -p -m PEM -f COPY\` (Lightsail's own key pair downloads are PEM already)`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', ...(passphrase !== undefined && { passphrase }) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
    const missing = code === 'ERR_MISSING_PASSPHRASE' || code === 'ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED';
    if (passphrase === undefined && (encrypted || missing)) throw new LiveError('bad-key', `${keyName} is encrypted with a passphrase; decrypt a copy first (\`openssl pkey -in KEY -out COPY\`)`);
    const bad = passphrase !== undefined && (code === 'ERR_OSSL_BAD_DECRYPT' || encrypted);
    throw new LiveError('bad-key', bad ? `the passphrase does not open ${keyName}` : `${keyName} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new LiveError('bad-key', `${keyName} is an ${key.asymmetricKeyType ?? 'unknown'} key; Windows passwords are encrypted for RSA key pairs`);
  }
  return key;
}
