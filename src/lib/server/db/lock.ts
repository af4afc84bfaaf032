// One process per embedded data directory. PGlite is PostgreSQL in a single process: a second
// process opening the same files crashes both (`RuntimeError: Aborted()`) and can leave the
// directory unopenable. So the server and every CLI command take `capdo.lock` in the data
// directory first; it names its holder (PID, host, process start time, what it is), and a lock
// whose process is gone (kill -9, power loss) is taken over.
//
// Hand-written rather than `proper-lockfile`: that library judges staleness by mtime, which needs
// a timer touching the file and keeps a crashed server's directory locked for the whole stale
// period; a PID check answers at once and tells the second opener who holds the directory.
import {
	linkSync,
	mkdirSync,
	readFileSync,
	rmdirSync,
	statSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export const LOCK_FILE = 'capdo.lock';

/** Who opens the directory: shown to the next opener. */
export interface LockOwner {
	kind: 'server' | 'cli';
	/** The server's public origin, or the CLI command line. */
	what?: string;
}

export interface LockInfo extends LockOwner {
	pid: number;
	host: string;
	started: string;
	/** Linux: the process start time (clock ticks since boot), so a reused PID is not "alive". */
	proc_start?: string;
}

export class DataDirLockedError extends Error {
	constructor(
		readonly dir: string,
		readonly holder: LockInfo
	) {
		super(lockedMessage(dir, holder));
	}
}

function lockedMessage(dir: string, h: LockInfo): string {
	const who =
		h.kind === 'server'
			? `the capdo server${h.what ? ` at ${h.what}` : ''}`
			: `a capdo command${h.what ? ` (${h.what})` : ''}`;
	const where = h.host === hostname() ? `PID ${h.pid}` : `PID ${h.pid} on host ${h.host}`;
	const lines = [
		`capdo: the data directory ${dir} is in use by ${who} (${where}, since ${h.started}).`,
		'Only one process may open an embedded database at a time.'
	];
	if (h.kind === 'server')
		lines.push(
			'Stop the server, or run the command through it:',
			`  capdo audit verify --url ${h.what ?? 'http://HOST:PORT'} --token TOKEN`,
			`  capdo impact RULESET --url ${h.what ?? 'http://HOST:PORT'} --token TOKEN`,
			'(an administrator creates a token on the administration page, "Mã truy cập dòng lệnh").'
		);
	else lines.push('Wait for that command to finish, then try again.');
	return lines.join('\n');
}

/** Field 22 of /proc/PID/stat: when the process started, in clock ticks after boot. */
function procStart(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may hold spaces and parentheses: count from its last ')'.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

/** False only when we can tell for sure that the holder is gone. */
export function holderAlive(h: LockInfo): boolean {
	if (h.host !== hostname()) return true; // another machine (shared disk): we cannot tell
	try {
		process.kill(h.pid, 0);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
	}
	if (h.proc_start) {
		const now = procStart(h.pid);
		if (now !== undefined && now !== h.proc_start) return false; // the PID was reused
	}
	return true;
}

function parse(raw: string): LockInfo | undefined {
	try {
		const v = JSON.parse(raw) as LockInfo;
		return Number.isInteger(v.pid) && typeof v.host === 'string' ? v : undefined;
	} catch {
		return undefined;
	}
}

const readRaw = (path: string): string | undefined => {
	try {
		return readFileSync(path, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw e;
	}
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Removes a stale lock, unless someone replaced it meanwhile. A guard directory serializes the
 * removers, so two processes that both judged the same lock stale cannot delete each other's new one.
 */
function removeStale(path: string, staleRaw: string) {
	const guard = path + '.takeover';
	try {
		mkdirSync(guard);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		// A remover that died inside the guard leaves it behind: give up on it after 10 s.
		try {
			if (Date.now() - statSync(guard).mtimeMs > 10_000) rmdirSync(guard);
		} catch {
			// gone meanwhile
		}
		sleep(20);
		return;
	}
	try {
		if (readRaw(path) === staleRaw) unlinkSync(path);
	} finally {
		rmdirSync(guard);
	}
}

export interface DataDirLock {
	path: string;
	release: () => void;
}

/** Takes the data directory's lock, or throws DataDirLockedError naming the live holder. */
export function lockDataDir(dir: string, owner: LockOwner): DataDirLock {
	const root = resolve(dir);
	mkdirSync(root, { recursive: true });
	const path = join(root, LOCK_FILE);
	const info: LockInfo = {
		...owner,
		pid: process.pid,
		host: hostname(),
		started: new Date().toISOString(),
		proc_start: procStart(process.pid)
	};
	const mine = JSON.stringify(info);
	for (let attempt = 0; attempt < 50; attempt++) {
		// Written whole under a private name, then linked into place: link fails if the lock
		// exists, so nobody ever reads a half-written lock.
		const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
		writeFileSync(tmp, mine, { mode: 0o644 });
		try {
			linkSync(tmp, path);
			return held(path, mine);
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		} finally {
			unlinkSync(tmp);
		}
		const raw = readRaw(path);
		if (raw === undefined) continue; // released meanwhile
		const holder = parse(raw);
		if (holder && holderAlive(holder)) throw new DataDirLockedError(root, holder);
		removeStale(path, raw);
	}
	throw new Error(`capdo: could not take the lock ${path}`);
}

function held(path: string, mine: string): DataDirLock {
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		process.off('exit', release);
		// Only our own lock: never one a later process took over.
		if (readRaw(path) === mine) unlinkSync(path);
	};
	// Covers process.exit() and uncaught errors; a kill -9 leaves a stale lock, taken over by PID.
	process.on('exit', release);
	return { path, release };
}
