'use strict';
/**
 * n8n's queue mode with nothing of ours but the package: Redis, PostgreSQL, one main and two workers, all on
 * 127.0.0.1 with data in a temp folder. The packed package is installed once in the shared user folder
 * (workers load community packages at start-up). 100 webhook requests, 20 at a time, each look up their own
 * record through "Webhook → Itniotech Voice"; status pushes go through main to the trigger.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const n8n = require('../../scripts/lib/n8n');
const services = require('../../scripts/lib/services');
const { startSimulator, ACCOUNT, SIMULATOR_PLATFORM } = require('../helpers');

jest.setTimeout(600_000);

const REQUESTS = 100;
const PARALLEL = 20;
const TRIGGER_WEBHOOK_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const PUSH_TOKEN = 'queue-mode-push-token-0123';

// The example workflow "Webhook → Itniotech Voice (Call Record → Get)".
const LOOKUP_WORKFLOW = JSON.parse(
	fs.readFileSync(path.resolve(__dirname, '../../examples/webhook-get-call-record.json'), 'utf8'),
);
const CREDENTIAL_ID = LOOKUP_WORKFLOW.nodes[1].credentials.itniotechApi.id;

const TRIGGER_WORKFLOW = {
	id: 'ItnioQueueTrigger',
	name: 'Itniotech trigger (queue mode)',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 't1',
			name: 'Itniotech Voice Trigger',
			type: 'n8n-nodes-itniotech.itniotechVoiceTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: TRIGGER_WEBHOOK_ID,
			parameters: { authentication: 'queryToken', token: PUSH_TOKEN },
		},
		{
			id: 't2',
			name: 'Done',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [240, 0],
			parameters: {},
		},
	],
	connections: {
		'Itniotech Voice Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] },
	},
};

/** "Worker finished execution" lines per worker. */
function finishedPerWorker() {
	return workers.map((w) => (w.output().match(/Worker finished execution/g) ?? []).length);
}

const sum = (counts) => counts.reduce((a, b) => a + b, 0);

/**
 * A worker saves the execution to Postgres before it logs "Worker finished execution", and its stdout reaches us
 * through a pipe, so the log lines can trail the database by a moment: wait for them, then compare exactly.
 */
async function waitForFinishedLines(expectedTotal) {
	await services.waitFor(
		() => sum(finishedPerWorker()) >= expectedTotal,
		`${expectedTotal} "Worker finished execution" log lines`,
		30_000,
	);
	return finishedPerWorker();
}

let dir;
let sim;
let redis;
let postgres;
let main;
const workers = [];

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itniotech-queue-'));
	fs.chmodSync(dir, 0o755);
	sim = await startSimulator({ latencyMs: 10 });
	redis = await services.startRedis(fs.mkdtempSync(path.join(dir, 'redis-')));
	postgres = await services.startPostgres(path.join(dir, 'postgres'));

	const env = {
		N8N_ENCRYPTION_KEY: 'queue-mode-shared-key',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		N8N_RUNNERS_ENABLED: 'false',
	};
	const runtime = n8n.ensureRuntime({ quiet: true });
	const userFolder = path.join(dir, 'n8n');
	n8n.installPackage(userFolder, n8n.packPackage(path.join(dir, 'pack')));
	const files = [LOOKUP_WORKFLOW, TRIGGER_WORKFLOW].map((wf) =>
		n8n.writeJson(path.join(dir, 'import', `${wf.id}.json`), wf),
	);
	await n8n.importCredentialAndWorkflows(
		runtime,
		userFolder,
		{
			id: CREDENTIAL_ID,
			name: 'Itniotech (local simulator)',
			type: 'itniotechApi',
			data: { ...ACCOUNT, ...SIMULATOR_PLATFORM, baseUrl: sim.baseUrl },
		},
		files,
		env,
	);
	for (const wf of [LOOKUP_WORKFLOW, TRIGGER_WORKFLOW]) {
		const published = await n8n.n8nCommand(
			runtime,
			userFolder,
			['publish:workflow', `--id=${wf.id}`],
			env,
		);
		if (published.status !== 0) throw new Error(published.stdout + published.stderr);
	}

	const port = await services.freePort();
	main = await n8n.startServer(runtime, userFolder, {
		port,
		extraEnv: { ...env, N8N_RUNNERS_BROKER_PORT: String(await services.freePort()) },
	});
	for (let i = 0; i < 2; i++) {
		workers.push(
			await n8n.startWorker(runtime, userFolder, {
				brokerPort: await services.freePort(),
				extraEnv: { ...env, QUEUE_WORKER_CONCURRENCY: '10' },
			}),
		);
	}
}, 600_000);

afterAll(async () => {
	for (const worker of workers) await services.stopProcess(worker.child);
	await n8n.stopServer(main);
	await postgres?.stop();
	await services.stopProcess(redis?.child);
	await sim?.stop();
	fs.rmSync(dir, { recursive: true, force: true });
});

test(`${REQUESTS} webhook requests, ${PARALLEL} at a time, each get their own typed record from a worker`, async () => {
	const ids = Array.from({ length: REQUESTS }, (_, i) => String(880000 + i));
	const answers = new Array(REQUESTS);
	let next = 0;
	await Promise.all(
		Array.from({ length: PARALLEL }, async () => {
			while (next < REQUESTS) {
				const i = next++;
				const response = await fetch(`${main.baseUrl}/webhook/itniotech-lookup`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ voiceId: ids[i] }),
				});
				answers[i] = { status: response.status, body: await response.json() };
			}
		}),
	);
	answers.forEach((answer, i) => {
		expect(answer.status).toBe(200);
		expect(answer.body.voiceId).toBe(ids[i]);
		expect(answer.body.callDuration).toBe((Number(ids[i]) % 1000) % 120);
		expect(typeof answer.body.cost).toBe('number');
	});

	// The simulator saw each look-up exactly once, every one correctly signed.
	const paths = sim.requests.map((r) => r.path).sort();
	expect(paths).toEqual(ids.map((id) => `/voice/recordGroup/${id}`).sort());
	expect(sim.requests.every((r) => r.signValid)).toBe(true);

	// Zero failed executions; both workers did some of the work.
	const statuses = postgres.query(
		`select status, count(*) from execution_entity where "workflowId" = '${LOOKUP_WORKFLOW.id}' group by status`,
	);
	expect(statuses).toBe(`success|${REQUESTS}`);
	const perWorker = await waitForFinishedLines(REQUESTS);
	expect(perWorker.every((count) => count > 0)).toBe(true);
	expect(sum(perWorker)).toBe(REQUESTS);
});

test('status pushes through main start trigger executions on the workers', async () => {
	const before = sum(finishedPerWorker());
	const pushes = 10;
	for (let i = 0; i < pushes; i++) {
		const response = await fetch(
			`${main.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/itniotech-status?token=${PUSH_TOKEN}`,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({
					voiceId: String(990000 + i),
					type: 2,
					callee: '91856321412',
					answerTime: 0,
					callDuration: 0,
				}),
			},
		);
		expect(response.status).toBe(200);
	}
	await services.waitFor(
		() =>
			postgres.query(
				`select count(*) from execution_entity where "workflowId" = '${TRIGGER_WORKFLOW.id}' and status = 'success'`,
			) === String(pushes),
		'trigger executions',
	);
	const after = sum(await waitForFinishedLines(before + pushes));
	expect(after - before).toBe(pushes);
	expect(postgres.query(`select count(*) from execution_entity where status <> 'success'`)).toBe(
		'0',
	);
});
