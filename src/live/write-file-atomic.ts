/**
 * Writing a file so that readers see the old content or the new, never half of it: the text goes
 * to a temporary file in the same directory, is flushed, and is then renamed over the target.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` atomically. `mode` applies to the new file (default `0o644`; `0o600` for
 * secrets); the temporary file is created with it, so a secret is never readable by others, even
 * for a moment. On failure the temporary file is removed and the target is left as it was.
 */
export async function writeFileAtomic(path: string, text: string, mode = 0o644): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
