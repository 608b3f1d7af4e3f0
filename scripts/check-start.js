#!/usr/bin/env node
'use strict';
/**
 * `npm start` the way a user runs it, checked end to end (CI runs this after `npm test`):
 *  1. start `npm start` in its own process group and wait for the editor URL and login it prints;
 *  2. log in and run the demo workflow "Itniotech demo: Get a Call Record" through that running n8n's
 *     REST API (what the editor's "Execute workflow" button calls), and check the typed record it output;
 *  3. press Ctrl-C (SIGINT to the whole process group, as a terminal does) and check that npm start exits
 *     and leaves no n8n, task runner or simulator process and no listening port behind.
 * Exits non-zero, saying which step failed. Prints `N passed, N failed` for its checks.
 */
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');

const n8nLib = require('./lib/n8n');
const { canConnect, sleep } = require('./lib/services');

const ROOT = path.resolve(__dirname, '..');
const DEMO_WORKFLOW_ID = 'ItnioDemoGetRec1';
const DEMO_TRIGGER = "When clicking 'Execute workflow'";
const PORTS = { n8n: 5678, 'n8n task broker': 5679, simulator: 4010 };
const START_TIMEOUT_MS = 30 * 60_000; // a first start installs n8n
const checks = [];

function check(name, ok, detail = '') {
	checks.push({ name, ok });
	console.log(`${ok ? '✓' : '✗'} ${name}${detail ? `: ${detail}` : ''}`);
	return ok;
}

/** Processes still alive that belong to this start: its process group, or anything run from this clone's .tools/. */
function leftovers(groupId) {
	const lines = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' }).split('\n');
	return lines
		.map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
		.filter(Boolean)
		.filter(
			([, pid, pgid, args]) =>
				Number(pid) !== process.pid &&
				(Number(pgid) === groupId || args.includes(path.join(ROOT, '.tools'))),
		)
		.map(([, pid, , args]) => `${pid} ${args.slice(0, 160)}`);
}

async function waitFor(what, probe, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s`);
		await sleep(500);
	}
}

/** The demo's output items (its Itniotech Voice node, main output). */
const demoOutput = (result) =>
	(n8nLib.nodeOutput(result, 'Itniotech Voice') ?? []).map(({ '#item': _item, ...json }) => json);

async function main() {
	const { TYPED_EXAMPLE_RECORD } = require('../test/fixtures');
	for (const [name, port] of Object.entries(PORTS)) {
		if (await canConnect(port))
			throw new Error(`port ${port} (${name}) is taken before npm start: stop what uses it first`);
	}

	console.log('$ npm start');
	const child = spawn('npm', ['start'], {
		cwd: ROOT,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const collect = (chunk) => {
		output += chunk;
		process.stdout.write(chunk.toString().replace(/^/gm, '  │ '));
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);

	try {
		const printed = await waitFor(
			'npm start to print the editor URL',
			async () => {
				if (child.exitCode !== null)
					throw new Error(`npm start exited with ${child.exitCode} before n8n was ready`);
				const editor = output.match(/Editor:\s+(http:\/\/\S+)/);
				const credentials = output.match(/Log in:\s+(\S+) \/ (\S+)/);
				return editor && credentials
					? { baseUrl: editor[1], email: credentials[1], password: credentials[2] }
					: undefined;
			},
			START_TIMEOUT_MS,
		);
		check('npm start printed the editor URL and a login', true, printed.baseUrl);

		const { cookie } = await n8nLib.ownerSession(printed.baseUrl, {
			email: printed.email,
			password: printed.password,
		});
		const execution = await n8nLib.runWorkflow(
			printed.baseUrl,
			cookie,
			DEMO_WORKFLOW_ID,
			DEMO_TRIGGER,
			120_000,
		);
		check(
			'the demo workflow ran in the running n8n',
			execution.status === 'success',
			`status ${execution.status}`,
		);
		const items = demoOutput(execution);
		check(
			'it output the typed group call record',
			items.length === 1 && JSON.stringify(items[0]) === JSON.stringify(TYPED_EXAMPLE_RECORD),
			JSON.stringify(items).slice(0, 300),
		);
	} catch (error) {
		check('npm start and the demo', false, error.message);
	} finally {
		console.log('$ Ctrl-C (SIGINT to the process group)');
		try {
			process.kill(-child.pid, 'SIGINT');
		} catch {
			// already gone
		}
		const exit = await Promise.race([exited, sleep(60_000).then(() => undefined)]);
		check(
			'npm start exited after Ctrl-C',
			exit !== undefined,
			exit ? `code ${exit.code}, signal ${exit.signal}` : 'still running after 60 s',
		);
		await sleep(2_000); // children that exit on the same signal need a moment
		const left = leftovers(child.pid);
		check('no n8n, task runner or simulator process is left', left.length === 0, left.join(' | '));
		for (const [name, port] of Object.entries(PORTS)) {
			check(`nothing listens on port ${port} (${name})`, !(await canConnect(port)));
		}
		if (left.length > 0) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// nothing left in the group
			}
		}
	}
	const failed = checks.filter((c) => !c.ok).length;
	console.log(`npm start check: ${checks.length - failed} passed, ${failed} failed`);
	process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
	console.error(`npm start check failed: ${error.message}`);
	process.exit(1);
});
