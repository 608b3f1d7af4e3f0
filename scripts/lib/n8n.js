'use strict';
/**
 * Real n8n, driven from Node.js: the project-local runtime (.tools/, see scripts/ensure-n8n.sh), the packed
 * package installed the way n8n installs community packages, headless CLI commands, and a server with
 * an owner account. Used by `npm start` and by the real-n8n tests.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { sleep, stopProcess } = require('./services');

const ROOT = path.resolve(__dirname, '../..');
const PACKAGE = require(path.join(ROOT, 'package.json'));

/** Installs what is missing (Node.js 24 and the pinned n8n) and returns their paths. */
function ensureRuntime({ n8nVersion, quiet = false } = {}) {
	const env = { ...process.env };
	if (n8nVersion) env.N8N_VERSION = n8nVersion;
	const out = execFileSync('bash', [path.join(ROOT, 'scripts/ensure-n8n.sh')], {
		env,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'],
	});
	const values = Object.fromEntries(
		out
			.trim()
			.split('\n')
			.map((line) => line.split('='))
			.map(([k, ...v]) => [k, v.join('=')]),
	);
	return { node: values.NODE24_BIN, n8n: values.N8N_BIN, n8nVersion: values.N8N_VERSION };
}

/** `npm pack` of the built package into `destination`; returns the tarball's path. */
function packPackage(destination) {
	fs.mkdirSync(destination, { recursive: true });
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], {
		cwd: ROOT,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	return path.join(destination, name);
}

/**
 * What n8n's community-package installer does: unpack into <user folder>/.n8n/nodes/node_modules/<name>,
 * drop dev/peer/optional dependencies from its package.json, and list it in nodes/package.json.
 */
function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE.name);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	const listPath = path.join(nodesDir, 'package.json');
	const list = fs.existsSync(listPath)
		? JSON.parse(fs.readFileSync(listPath, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	list.dependencies = { ...list.dependencies, [PACKAGE.name]: manifest.version };
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2));
	return packageDir;
}

/** A throw-away n8n user folder (in the temp dir, named from `prefix`) with this package installed in it. */
function packedUserFolder(prefix) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	installPackage(userFolder, packPackage(path.join(userFolder, 'pack')));
	return userFolder;
}

/** The environment every n8n process of ours gets: its own user folder, quiet, local only. */
function n8nEnv(userFolder, extra = {}) {
	// Not the caller's NODE_ENV: under jest it is "test", and n8n then prints nothing.
	const { NODE_ENV, ...inherited } = process.env;
	return {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: extra.N8N_ENCRYPTION_KEY ?? 'itniotech-local-demo-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_ENABLED: extra.N8N_RUNNERS_ENABLED ?? 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_LOG_LEVEL: extra.N8N_LOG_LEVEL ?? 'warn',
		DB_SQLITE_POOL_SIZE: '2',
		...extra,
	};
}

/**
 * Runs an n8n CLI command to completion. Asynchronous on purpose: the simulator may live in this
 * process and has to keep answering while n8n runs.
 */
async function n8nCommand(runtime, userFolder, args, extraEnv = {}) {
	// Output goes to files: n8n exits right after printing, which can cut a pipe's pending output short.
	const outDir = fs.mkdtempSync(path.join(userFolder, '.cli-'));
	const outFile = path.join(outDir, 'stdout');
	const errFile = path.join(outDir, 'stderr');
	const out = fs.openSync(outFile, 'w');
	const err = fs.openSync(errFile, 'w');
	try {
		const child = spawn(runtime.node, [runtime.n8n, ...args], {
			// `execute --rawOutput` prints its result at log level info.
			env: n8nEnv(userFolder, { N8N_LOG_LEVEL: 'info', ...extraEnv }),
			stdio: ['ignore', out, err],
		});
		const status = await new Promise((resolve) => child.on('close', resolve));
		return {
			status,
			stdout: fs.readFileSync(outFile, 'utf8'),
			stderr: fs.readFileSync(errFile, 'utf8'),
		};
	} finally {
		fs.closeSync(out);
		fs.closeSync(err);
		fs.rmSync(outDir, { recursive: true, force: true });
	}
}

/** The JSON document `n8n execute --rawOutput` prints after its log lines. */
function parseRawOutput(stdout) {
	const start = stdout.search(/^\{/m);
	if (start === -1) throw new Error(`no JSON in n8n output:\n${stdout.slice(0, 2000)}`);
	return JSON.parse(stdout.slice(start));
}

function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

/** Imports a credential (plain data; n8n encrypts it) and the example workflows. */
async function importCredentialAndWorkflows(
	runtime,
	userFolder,
	credential,
	workflowFiles,
	extraEnv,
) {
	const credentialFile = writeJson(path.join(userFolder, 'import', 'credentials.json'), [
		credential,
	]);
	const steps = [['import:credentials', `--input=${credentialFile}`]];
	for (const file of workflowFiles) steps.push(['import:workflow', `--input=${file}`]);
	for (const args of steps) {
		const result = await n8nCommand(runtime, userFolder, args, extraEnv);
		if (result.status !== 0)
			throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	}
}

/** A long-running n8n process whose output (stdout and stderr) is collected for readiness checks and errors. */
function spawnN8n(runtime, userFolder, command, env) {
	const child = spawn(runtime.node, [runtime.n8n, command], {
		env: n8nEnv(userFolder, env),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	return { child, output: () => output };
}

/** Polls `isReady` until it holds; fails early if the process exits, and kills it on time-out. */
async function waitUntilReady(proc, what, isReady, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (!(await isReady())) {
		if (proc.child.exitCode !== null)
			throw new Error(`${what} exited with ${proc.child.exitCode}:\n${proc.output().slice(-3000)}`);
		if (Date.now() > deadline) {
			proc.child.kill('SIGKILL');
			throw new Error(
				`${what} was not ready within ${timeoutMs / 1000} s:\n${proc.output().slice(-3000)}`,
			);
		}
		await sleep(250);
	}
	return proc;
}

/** Starts `n8n worker` and resolves once it says it is ready. */
async function startWorker(
	runtime,
	userFolder,
	{ brokerPort, extraEnv = {}, timeoutMs = 180_000 },
) {
	const worker = spawnN8n(runtime, userFolder, 'worker', {
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_LOG_LEVEL: 'info', // its "ready" and per-execution lines are info
		...extraEnv,
	});
	return await waitUntilReady(
		worker,
		'n8n worker',
		() => worker.output().includes('n8n worker is now ready'),
		timeoutMs,
	);
}

/** Starts `n8n start` and resolves once /healthz/readiness answers 200. */
async function startServer(runtime, userFolder, { port, extraEnv = {}, timeoutMs = 180_000 }) {
	const server = spawnN8n(runtime, userFolder, 'start', {
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		...extraEnv,
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	const ready = async () => {
		try {
			return (await fetch(`${baseUrl}/healthz/readiness`)).ok;
		} catch {
			return false; // not listening yet
		}
	};
	await waitUntilReady(server, 'n8n', ready, timeoutMs);
	return { ...server, baseUrl };
}

/** Stops `n8n start` (or a worker): SIGTERM, then SIGKILL if it is still running after 15 s. */
async function stopServer(server) {
	await stopProcess(server?.child);
}

const OWNER = Object.freeze({
	email: 'demo@itniotech.local',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Itniotech-demo-1',
});

/** Creates the owner account (first start only) and returns a logged-in cookie. */
async function ownerSession(baseUrl, owner = OWNER) {
	await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(owner),
	});
	const response = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		}),
	});
	if (!response.ok)
		throw new Error(`login failed: HTTP ${response.status} ${await response.text()}`);
	const cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie')])
		.filter(Boolean)
		.map((c) => c.split(';')[0])
		.join('; ');
	return { cookie, owner };
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Runs a saved workflow in a running n8n as the editor's "Execute workflow" does (POST /rest/workflows/:id/run
 * from the trigger node `triggerName`), waits for the execution and returns its status, error and run data.
 */
async function runWorkflow(baseUrl, cookie, workflowId, triggerName, timeoutMs = 180_000) {
	const { parse } = require('flatted'); // n8n stores execution data in flatted form
	const headers = { 'Content-Type': 'application/json', cookie };
	const started = await fetch(`${baseUrl}/rest/workflows/${workflowId}/run`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ triggerToStartFrom: { name: triggerName } }),
	});
	const body = await started.json();
	const executionId = body.data?.executionId;
	if (!executionId)
		throw new Error(
			`${workflowId} did not start: HTTP ${started.status} ${JSON.stringify(body).slice(0, 500)}`,
		);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = (
			await (await fetch(`${baseUrl}/rest/executions/${executionId}`, { headers })).json()
		).data;
		if (execution && FINISHED.has(execution.status)) {
			const data = parse(execution.data);
			return {
				status: execution.status,
				error: data.resultData.error,
				runData: data.resultData.runData,
			};
		}
		if (Date.now() > deadline)
			throw new Error(
				`${workflowId}: execution ${executionId} did not finish within ${timeoutMs / 1000} s`,
			);
		await sleep(250);
	}
}

/** The items a node output on one of its outputs (0 = main, 1 = the error output), or undefined if it did not run. */
function nodeOutput(result, nodeName, index = 0) {
	const runs = result.runData[nodeName];
	if (!runs) return undefined;
	return (runs[0].data?.main?.[index] ?? []).map((item) => ({
		...item.json,
		'#item': item.pairedItem?.item,
	}));
}

module.exports = {
	runWorkflow,
	nodeOutput,
	ROOT,
	OWNER,
	ensureRuntime,
	packPackage,
	installPackage,
	packedUserFolder,
	n8nCommand,
	parseRawOutput,
	importCredentialAndWorkflows,
	startServer,
	startWorker,
	stopServer,
	ownerSession,
	writeJson,
};
