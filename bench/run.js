#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: everything measured in ONE run against the simulator in its own process (20 ms latency
 * per request by default), printed as a table and written to docs/benchmarks.md. Each scenario runs in a
 * fresh process, so its time and peak RSS are its own. Not part of `npm test`.
 *
 *   BENCH_N (10000) look-ups · BENCH_CONCURRENCY (16) · BENCH_LATENCY_MS (20) · BENCH_SEQUENTIAL_N (1000)
 */
const { execFileSync, fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const N = Number(process.env.BENCH_N || 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 16);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS || 20);
const SEQUENTIAL_N = Number(process.env.BENCH_SEQUENTIAL_N || 1000);
const PAGING_RECORDS = 50_000;
const REAL_N8N_N = 1000;

function startSimulator() {
	return new Promise((resolve, reject) => {
		const child = fork(
			path.join(ROOT, 'simulator/cli.js'),
			['--port', '0', '--latency', String(LATENCY_MS), '--key', 'benchKey', '--secret', 'benchSecret', '--history', String(PAGING_RECORDS)],
			{ stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
		);
		child.once('message', ({ baseUrl }) => resolve({ child, baseUrl }));
		child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
	});
}

function scenario(name, n, concurrency, baseUrl) {
	const out = execFileSync(process.execPath, [path.join(__dirname, 'scenario.js'), name, String(n), String(concurrency), baseUrl], {
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024,
	});
	return JSON.parse(out.trim().split('\n').pop());
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a, b) => (a / b).toFixed(2);

/** 1,000 look-ups in real n8n: this node vs a Code node computing md5 + the HTTP Request node. */
async function realN8nComparison(baseUrl) {
	const n8n = require('../scripts/lib/n8n');
	const tools = path.join(ROOT, '.tools');
	if (!fs.existsSync(tools) || !fs.readdirSync(tools).some((d) => d.startsWith('n8n-2.') && fs.existsSync(path.join(tools, d, '.complete')))) {
		return undefined;
	}
	const runtime = n8n.ensureRuntime({ quiet: true });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'itniotech-bench-n8n-'));
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
	n8n.installPackage(userFolder, n8n.packPackage(path.join(userFolder, 'pack')));
	const trigger = { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const ids = `const out = []; for (let i = 0; i < ${REAL_N8N_N}; i++) out.push({ json: { voiceId: String(1000000 + i) } }); return out;`;
	const generate = (code) => ({ id: 'g', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: code } });
	const chain = (names) =>
		Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));
	const workflows = [
		{
			id: 'BenchNodeWf00001',
			name: 'bench: this node',
			nodes: [
				trigger,
				generate(ids),
				{
					id: 'l', name: 'Lookup', type: 'n8n-nodes-itniotech.itniotechVoice', typeVersion: 1, position: [400, 0],
					parameters: { resource: 'callRecord', operation: 'getGroupRecord', voiceId: '={{ $json.voiceId }}', options: {}, batching: { concurrency: CONCURRENCY } },
					credentials: { itniotechApi: { id: 'BenchCredential1', name: 'bench' } },
				},
			],
			connections: chain(['Start', 'Items', 'Lookup']),
		},
		{
			id: 'BenchDiyWf000001',
			name: 'bench: Code md5 + HTTP Request',
			nodes: [
				trigger,
				generate(
					`const crypto = require('crypto'); const out = []; for (let i = 0; i < ${REAL_N8N_N}; i++) { const ts = String(Math.floor(Date.now() / 1000)); out.push({ json: { voiceId: String(1000000 + i), ts, sign: crypto.createHash('md5').update('benchKey' + 'benchSecret' + ts).digest('hex') } }); } return out;`,
				),
				{
					id: 'h', name: 'Lookup', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [400, 0],
					parameters: {
						url: `={{ '${baseUrl}/voice/recordGroup/' + $json.voiceId }}`,
						sendHeaders: true,
						headerParameters: {
							parameters: [
								{ name: 'Api-Key', value: 'benchKey' },
								{ name: 'Timestamp', value: '={{ $json.ts }}' },
								{ name: 'Sign', value: '={{ $json.sign }}' },
							],
						},
						options: {},
					},
				},
			],
			connections: chain(['Start', 'Items', 'Lookup']),
		},
	];
	const credential = { id: 'BenchCredential1', name: 'bench', type: 'itniotechApi', data: { apiKey: 'benchKey', apiSecret: 'benchSecret', baseUrl } };
	const files = workflows.map((wf) => n8n.writeJson(path.join(userFolder, 'import', `${wf.id}.json`), { ...wf, active: false, settings: { executionOrder: 'v1' } }));
	await n8n.importCredentialAndWorkflows(runtime, userFolder, credential, files);
	const results = {};
	for (const wf of workflows) {
		const run = await n8n.n8nCommand(runtime, userFolder, ['execute', `--id=${wf.id}`, '--rawOutput'], { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto' });
		const execution = n8n.parseRawOutput(run.stdout);
		const runData = execution.data.resultData.runData;
		const items = runData.Lookup?.[0]?.data?.main?.[0]?.length ?? 0;
		results[wf.name] = {
			lookupMs: runData.Lookup?.[0]?.executionTime,
			itemsMs: runData.Items?.[0]?.executionTime,
			items,
			status: execution.status,
		};
	}
	fs.rmSync(userFolder, { recursive: true, force: true });
	return { version: runtime.n8nVersion, results };
}

async function main() {
	const sim = await startSimulator();
	try {
		const rows = [];
		const log = (line) => process.stdout.write(`${line}\n`);
		log(`Benchmark: ${os.cpus().length} cores, ${os.cpus()[0].model}, Node.js ${process.version}; simulator latency ${LATENCY_MS} ms; concurrency ${CONCURRENCY}`);
		const bare = scenario('bare', N, CONCURRENCY, sim.baseUrl);
		log(`1 bare keep-alive client: ${fmt(bare.ms)}`);
		const floor = scenario('floor', N, CONCURRENCY, sim.baseUrl);
		log(`2 helper floor: ${fmt(floor.ms)}`);
		const node = scenario('node', N, CONCURRENCY, sim.baseUrl);
		log(`3 this node: ${fmt(node.ms)}`);
		const sequential = scenario('node', SEQUENTIAL_N, 1, sim.baseUrl);
		log(`4 this node, concurrency 1: ${fmt(sequential.ms)}`);
		const paging = scenario('paging', 0, CONCURRENCY, sim.baseUrl);
		const pages = Math.ceil(paging.items / 100);
		const ideal = LATENCY_MS + (LATENCY_MS * (pages - 1)) / CONCURRENCY;
		log(`5 Return All ${paging.items} records: ${fmt(paging.ms)}`);
		rows.push(['1', `bare signed HTTP client, keep-alive (physical limit), ${N} look-ups`, fmt(bare.ms), `${Math.round(N / (bare.ms / 1000))}/s`, '']);
		rows.push(['2', `helper floor: minimal node, one httpRequestWithAuthentication per item, in WorkflowExecute`, fmt(floor.ms), `${Math.round(N / (floor.ms / 1000))}/s`, `peak RSS ${Math.round(floor.maxRssMb)} MB`]);
		rows.push(['3', `this node, Get Group Call Record, concurrency ${CONCURRENCY}`, fmt(node.ms), `${Math.round(N / (node.ms / 1000))}/s`, `3/2 = **${ratio(node.ms, floor.ms)}** · 3/1 = ${ratio(node.ms, bare.ms)}`]);
		rows.push(['4', `this node, concurrency 1 (a naive loop), ${SEQUENTIAL_N} look-ups`, fmt(sequential.ms), `${Math.round(SEQUENTIAL_N / (sequential.ms / 1000))}/s`, `${(sequential.ms / SEQUENTIAL_N).toFixed(1)} ms per look-up`]);
		rows.push(['5', `Return All, ${paging.items} records = ${pages} pages of 100, concurrency ${CONCURRENCY}`, fmt(paging.ms), `ideal ${fmt(ideal)}`, `ratio **${ratio(paging.ms, ideal)}** · peak RSS ${Math.round(paging.maxRssMb)} MB`]);
		rows.push(['6', `peak RSS of the node run (row 3, ${N} items)`, `${Math.round(node.maxRssMb)} MB`, '', 'whole process: n8n-core loaded + all items']);

		const real = await realN8nComparison(sim.baseUrl);
		if (real) {
			const ours = real.results['bench: this node'];
			const diy = real.results['bench: Code md5 + HTTP Request'];
			log(`7 real n8n ${real.version}: this node ${ours.lookupMs} ms, DIY ${diy.itemsMs} + ${diy.lookupMs} ms`);
			rows.push(['7a', `real n8n ${real.version}: ${REAL_N8N_N} look-ups by this node (concurrency ${CONCURRENCY})`, fmt(ours.lookupMs), `${ours.items} items`, `item generation ${ours.itemsMs} ms`]);
			rows.push(['7b', `real n8n ${real.version}: Code node computing md5 + HTTP Request node`, fmt(diy.lookupMs + diy.itemsMs), `${diy.items} items`, `Code ${diy.itemsMs} ms + HTTP Request ${diy.lookupMs} ms; 7a/7b = **${ratio(ours.lookupMs, diy.lookupMs + diy.itemsMs)}**`]);
		} else {
			rows.push(['7', 'real n8n comparison', 'not run', '', 'run `npm start` or `npm test` once to install n8n into .tools/']);
		}

		const table = ['| row | what | time | rate | notes |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
		log(`\n${table}\n`);
		const doc = path.join(ROOT, 'docs/benchmarks.md');
		const header = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8').split('<!-- results -->')[0] : '# Benchmarks\n\n';
		fs.writeFileSync(
			doc,
			`${header}<!-- results -->\n## Latest run (${new Date().toISOString().slice(0, 10)})\n\n${os.cpus().length} cores (${os.cpus()[0].model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}; simulator in its own process with ${LATENCY_MS} ms latency per request; concurrency ${CONCURRENCY}.\n\n${table}\n`,
		);
		log(`written to ${path.relative(ROOT, doc)}`);
	} finally {
		sim.child.kill();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
