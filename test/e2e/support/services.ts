/**
 * Redis and PostgreSQL for n8n's queue mode, from Debian's packages (installed with apt-get when
 * missing, as .ci/run does for Chromium): each on a free 127.0.0.1 port in a throwaway directory, stopped
 * and removed by stop(). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user
 * that Debian's package creates.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { freePort } from './process';
import { log, sh } from './shell';

/** The Debian packages that bring each server. */
const DEBIAN_PACKAGES = { redis: 'redis-server', postgres: 'postgresql' };
/** The user PostgreSQL runs as when this process is root (created by Debian's postgresql package). */
const POSTGRES_OS_USER = 'postgres';

function onPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const file = path.join(dir, name);
		if (dir && fs.existsSync(file)) return file;
	}
	return undefined;
}

/** Debian keeps initdb, pg_ctl and postgres off PATH, in /usr/lib/postgresql/<major>/bin; the newest wins. */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	const debian = majors
		.map((major) => path.join(root, major, 'bin'))
		.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
	if (debian) return debian;
	const initdb = onPath('initdb');
	return initdb ? path.dirname(fs.realpathSync(initdb)) : undefined;
}

function isRoot(): boolean {
	return process.getuid?.() === 0;
}

/** `sh` behind a prefix such as `sudo` or `runuser -u postgres --` (none: the command itself). */
function shVia(prefix: string[], command: string, args: string[], env?: NodeJS.ProcessEnv): string {
	const [head, ...rest] = [...prefix, command, ...args];
	return sh(head, rest, { env, quiet: true });
}

/** Installs redis-server and postgresql with apt-get when they are missing (sudo unless root). */
export function ensureServicePackages(): void {
	const missing = [
		...(onPath('redis-server') ? [] : [DEBIAN_PACKAGES.redis]),
		...(postgresBinDir() ? [] : [DEBIAN_PACKAGES.postgres]),
	];
	if (missing.length === 0) return;
	const sudo = isRoot() ? [] : ['sudo'];
	const started = Date.now();
	log(`queue mode needs ${missing.join(' and ')}: apt-get update && apt-get install -y ${missing.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (args: string[]) => shVia(sudo, 'apt-get', args, env);
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', ...missing]);
	log(`installed ${missing.join(' and ')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Resolves once something answers on 127.0.0.1:port as `check` wants, or rejects after timeoutMs. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check().catch(() => false))) {
		if (Date.now() > deadline) throw new Error(`${what} did not start in ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

export interface Redis {
	port: number;
	stop(): Promise<void>;
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
	});
}

/** redis-server on a free port, bound to 127.0.0.1, nothing persisted. */
export async function startRedis(parent: string): Promise<Redis> {
	const server = onPath('redis-server');
	if (!server) throw new Error('redis-server is not installed (ensureServicePackages installs it)');
	const dir = fs.mkdtempSync(path.join(parent, 'redis-'));
	const port = await freePort();
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
	const child = spawn(server, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			await exited;
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(`redis-server on 127.0.0.1:${port}`, async () => await redisPing(port));
	} catch (error) {
		await stop();
		throw new Error(`${(error as Error).message}:\n${output}`);
	}
	return { port, stop };
}

export interface Postgres {
	port: number;
	user: string;
	password: string;
	database: string;
	/** Runs SQL with psql and returns its unaligned, tuples-only output. */
	query(sql: string): string;
	stop(): Promise<void>;
}

/** uid and gid of the postgres user. */
function postgresOsUser(): [number, number] {
	const id = (flag: string) => Number(sh('id', [flag, POSTGRES_OS_USER], { quiet: true }).trim());
	return [id('-u'), id('-g')];
}

/**
 * A fresh directory for a cluster, owned by the user PostgreSQL runs as: under `parent` when that user
 * can reach it, else under the system's temp dir (a checkout under /root, mode 700, is closed to it).
 */
function clusterDir(parent: string): string {
	if (!isRoot()) return fs.mkdtempSync(path.join(parent, 'postgres-'));
	for (const base of [parent, os.tmpdir()]) {
		const dir = fs.mkdtempSync(path.join(base, 'postgres-'));
		fs.chownSync(dir, ...postgresOsUser());
		if (spawnSync('runuser', ['-u', POSTGRES_OS_USER, '--', 'test', '-w', dir]).status === 0) return dir;
		fs.rmSync(dir, { recursive: true, force: true });
		log(`the ${POSTGRES_OS_USER} user cannot write under ${base}; trying ${os.tmpdir()}`);
	}
	throw new Error(`the ${POSTGRES_OS_USER} user can write neither under ${parent} nor under ${os.tmpdir()}`);
}

/**
 * A PostgreSQL cluster of its own (initdb into a temp dir under `parent`), on a free port, listening on
 * 127.0.0.1 only (no Unix socket: its path could exceed the 107-byte limit under .tmp/), with a
 * password-protected superuser `n8n` and a database `n8n`. Durability is off: the data is thrown away.
 */
export async function startPostgres(parent: string): Promise<Postgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed (ensureServicePackages installs it)');
	// As root: initdb and postgres refuse root, so they run as the postgres user, in a directory it owns.
	const asUser = isRoot() ? ['runuser', '-u', POSTGRES_OS_USER, '--'] : [];
	const dir = clusterDir(parent);
	const data = path.join(dir, 'data');
	const port = await freePort();
	const credentials = { user: 'n8n', password: 'n8n-e2e-password', database: 'n8n' };
	const passwordFile = path.join(dir, 'password');
	fs.writeFileSync(passwordFile, credentials.password, { mode: 0o600 });
	if (isRoot()) fs.chownSync(passwordFile, ...postgresOsUser());
	const run = (tool: string, args: string[]) => shVia(asUser, path.join(bin, tool), args);
	const clientEnv = { ...process.env, PGPASSWORD: credentials.password };
	const client = (tool: string, args: string[]) =>
		shVia(
			[],
			path.join(bin, tool),
			['-h', '127.0.0.1', '-p', String(port), '-U', credentials.user, ...args],
			clientEnv,
		);
	let started = false;
	const stop = async () => {
		if (started) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
		started = false;
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		run('initdb', [
			'-D',
			data,
			'-U',
			credentials.user,
			`--pwfile=${passwordFile}`,
			'--auth=scram-sha-256',
			'--encoding=UTF8',
			'--locale=C',
		]);
		const settings = [
			`-p ${port}`,
			'-c listen_addresses=127.0.0.1',
			'-c unix_socket_directories=',
			'-c fsync=off',
			'-c synchronous_commit=off',
			'-c full_page_writes=off',
		];
		run('pg_ctl', [
			'-D',
			data,
			'-l',
			path.join(dir, 'postgres.log'),
			'-w',
			'-t',
			'60',
			'-o',
			settings.join(' '),
			'start',
		]);
		started = true;
		await waitFor(`PostgreSQL on 127.0.0.1:${port}`, async () => {
			const ready = spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
			return ready.status === 0;
		});
		client('createdb', [credentials.database]);
	} catch (error) {
		const logFile = path.join(dir, 'postgres.log');
		const serverLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : '';
		await stop();
		throw new Error(`${(error as Error).message}\n${serverLog}`);
	}
	return {
		port,
		...credentials,
		query: (sql) => client('psql', ['-d', credentials.database, '-At', '-c', sql]),
		stop,
	};
}

/** Redis and PostgreSQL for one queue-mode n8n. */
export interface QueueServices {
	redis: Redis;
	postgres: Postgres;
	stop(): Promise<void>;
}

export async function startQueueServices(parent: string): Promise<QueueServices> {
	ensureServicePackages();
	fs.mkdirSync(parent, { recursive: true });
	const [redis, postgres] = await Promise.allSettled([startRedis(parent), startPostgres(parent)]);
	if (redis.status === 'rejected' || postgres.status === 'rejected') {
		if (redis.status === 'fulfilled') await redis.value.stop();
		if (postgres.status === 'fulfilled') await postgres.value.stop();
		throw redis.status === 'rejected' ? redis.reason : (postgres as PromiseRejectedResult).reason;
	}
	return {
		redis: redis.value,
		postgres: postgres.value,
		stop: async () => void (await Promise.all([redis.value.stop(), postgres.value.stop()])),
	};
}
