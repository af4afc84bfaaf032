// Preloaded (`node --import`) into a `capdo` child by anchor-race.test.ts: holds the process just
// before it renames a new audit anchor into place, until the test lets it go. That is the moment
// another process can slip in between reading the anchor file and replacing it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const dir = process.env.CAPDO_TEST_PAUSE_DIR;
if (dir) {
	const rename = fs.renameSync;
	fs.renameSync = (from, to) => {
		if (String(to).includes('audit-anchor.')) {
			fs.writeFileSync(`${dir}/paused`, '');
			const nap = new Int32Array(new SharedArrayBuffer(4));
			while (!fs.existsSync(`${dir}/go`)) Atomics.wait(nap, 0, 0, 20);
		}
		return rename(from, to);
	};
	// The app's `import { renameSync } from 'node:fs'` sees the patched function.
	syncBuiltinESMExports();
}
