'use strict';
/**
 * Processes the real-n8n tests run beside n8n: Redis and PostgreSQL for queue mode, started from Debian's
 * packages on 127.0.0.1 with their data in a temp folder, each stoppable by PID; plus the port, wait and
 * stop helpers scripts/lib/n8n.js shares.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

async function freePort() {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function sleep(ms) {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(check, what, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (Date.now() > deadline)
			throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
		await sleep(250);
	}
}

function canConnect(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function startRedis(dir) {
	const port = await freePort();
	const child = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{
			stdio: 'ignore',
		},
	);
	await waitFor(() => canConnect(port), 'redis-server');
	return { port, child };
}

function postgresBin(name) {
	const root = '/usr/lib/postgresql';
	const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
	return path.join(root, version, 'bin', name);
}

/** PostgreSQL as the postgres user (it refuses to run as root), trust auth on 127.0.0.1 only. */
async function startPostgres(dir) {
	const port = await freePort();
	const data = path.join(dir, 'pgdata');
	fs.mkdirSync(data, { recursive: true });
	execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	const asPostgres = (bin, args) => ['-u', 'postgres', '--', postgresBin(bin), ...args];
	execFileSync(
		'runuser',
		asPostgres('initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '--no-sync']),
		{ stdio: 'ignore' },
	);
	const child = spawn(
		'runuser',
		asPostgres('postgres', [
			'-D',
			data,
			'-p',
			String(port),
			'-h',
			'127.0.0.1',
			'-k',
			dir,
			'-c',
			'fsync=off',
		]),
		{
			stdio: 'ignore',
		},
	);
	await waitFor(() => canConnect(port), 'postgres');
	await waitFor(async () => {
		try {
			execFileSync(
				postgresBin('createdb'),
				['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n'],
				{ stdio: 'ignore' },
			);
			return true;
		} catch {
			return false;
		}
	}, 'createdb');
	const stop = async () => {
		try {
			execFileSync('runuser', asPostgres('pg_ctl', ['stop', '-D', data, '-m', 'fast']), {
				stdio: 'ignore',
			});
		} catch {
			// already stopped
		}
		await stopProcess(child);
	};
	const query = (sql) =>
		execFileSync(
			postgresBin('psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'n8n', '-At', '-c', sql],
			{ encoding: 'utf8' },
		).trim();
	return { port, child, query, stop };
}

/** Stops a process and its children by PID (runuser's postgres included). */
async function stopProcess(child) {
	if (!child || child.exitCode !== null) return;
	child.kill('SIGTERM');
	const deadline = Date.now() + 15_000;
	while (child.exitCode === null && Date.now() < deadline) await sleep(100);
	if (child.exitCode === null) child.kill('SIGKILL');
}

module.exports = { sleep, freePort, canConnect, waitFor, startRedis, startPostgres, stopProcess };
