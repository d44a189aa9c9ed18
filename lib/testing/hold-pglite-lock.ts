// Run as a child process by db/pglite-lock.test.ts: takes the lock on a folder and holds it
// until killed, like a running `next dev` would.
import { lockPgliteDir } from '../../db/pglite-lock';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-pglite-lock DIR');
lockPgliteDir(dir);
process.stdout.write('locked\n');
setInterval(() => {}, 1000);
