import fs from 'node:fs/promises';
import path from 'node:path';

/** The seed documents ship with the app, beside the seed that imports them. */
const SEED_DOCUMENTS_DIR = path.join(process.cwd(), 'db', 'seed', 'documents');

/** A plain file name: no directory part, so a database value can never point outside the folder. */
const SEED_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*\.txt$/;

/**
 * The full text of a seed document, read on the server for its source page; null when the name
 * is not a seed file name or the file is not there (a database imported elsewhere).
 */
export async function readSeedDocumentText(fileName: string): Promise<string | null> {
  if (!SEED_FILE_NAME.test(fileName) || fileName.includes('..')) return null;
  try {
    return await fs.readFile(path.join(SEED_DOCUMENTS_DIR, fileName), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
