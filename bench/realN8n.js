'use strict';
/**
 * The same look-ups in real n8n (the pinned version in .tools/), by this node and by the do-it-yourself
 * route, each workflow executed `repeats` times with `n8n execute`, alternating which goes first. Times
 * are n8n's own per-node `executionTime`; the Code node that generates the input items is the same on
 * both sides and not counted on either.
 *
 *   this node:  Items → Lookup (Call Record → Get, Batching → concurrency; one workflow per concurrency)
 *   DIY:        Items → Sign (Code: md5) → HTTP Request → Unwrap (Code: check status, type like the node)
 *   HTTP Request at a cap: Items → Sign → Loop Over Items (batch size = cap) ⇄ HTTP Request. The HTTP
 *               Request node sends all its input items at once and has no cap of its own; looping over
 *               batches is how an n8n user keeps it to a number of requests at a time.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

function installed() {
	const tools = path.join(ROOT, '.tools');
	return (
		fs.existsSync(tools) &&
		fs
			.readdirSync(tools)
			.some((d) => d.startsWith('n8n-2.') && fs.existsSync(path.join(tools, d, '.complete')))
	);
}

/**
 * The node's field table as the Unwrap Code node's list: [output name, how to type it, the vendor's name]. A
 * user would write the list by hand; it is read from the build so that both routes give the same items.
 */
function unwrapFields() {
	const records = require(path.join(ROOT, 'dist/nodes/Itniotech/api/records/record.js'));
	const kindOf = (typer) =>
		typer === records.toIsoTime
			? 'time'
			: typer === records.toInteger || typer === records.toDecimal
				? 'number'
				: 'text';
	return records.CALL_RECORD_FIELDS.map(([name, typer, vendorName]) => [
		name,
		kindOf(typer),
		vendorName ?? name,
	]);
}

/** The Unwrap Code node: what a user writes to get the node's typed record out of the HTTP Request node's answer. */
const unwrapCode = () => `
const FIELDS = ${JSON.stringify(unwrapFields())};
const VENDOR_NAMES = new Set(FIELDS.map(([, , vendorName]) => vendorName));
const empty = (v) => v === undefined || v === null || String(v).trim() === '';
const time = (v) => {
  const s = String(v).trim().replace(' ', 'T');
  if (s === '0' || s === 'null' || s.startsWith('0000-00-00')) return null;
  return /(Z|[+-]\\d{2}:?\\d{2})$/.test(s) ? s : s + '+08:00';
};
return $input.all().map((item, i) => {
  const body = item.json;
  if (String(body.status) !== '0') throw new Error('Itniotech error ' + body.status + ': ' + body.reason + ' (item ' + i + ')');
  const raw = body.data || {};
  const out = {};
  for (const [key, type, vendorName] of FIELDS) {
    const v = raw[vendorName];
    out[key] = empty(v) ? null : type === 'text' ? String(v) : type === 'time' ? time(v) : Number(v);
  }
  out.answered = out.answerTime !== null || out.callDuration > 0;
  for (const key of Object.keys(raw)) if (!VENDOR_NAMES.has(key) && !(key in out)) out[key] = raw[key];
  return { json: out, pairedItem: { item: i } };
});`;

function workflows({ baseUrl, lookups, concurrencies, httpCap }) {
	const trigger = {
		id: 't',
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const code = (id, name, jsCode, x) => ({
		id,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [x, 0],
		parameters: { jsCode },
	});
	const items = code(
		'g',
		'Items',
		`const out = []; for (let i = 0; i < ${lookups}; i++) out.push({ json: { voiceId: String(1000000 + i) } }); return out;`,
		200,
	);
	const chain = (names) =>
		Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
		);
	const node = (concurrency) => ({
		id: `BenchNodeWf${String(concurrency).padStart(5, '0')}`,
		name: `bench: this node, concurrency ${concurrency}`,
		nodes: [
			trigger,
			items,
			{
				id: 'l',
				name: 'Lookup',
				type: 'n8n-nodes-itniotech.itniotechVoice',
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					resource: 'callRecord',
					operation: 'getGroupRecord',
					voiceId: '={{ $json.voiceId }}',
					options: { concurrency },
				},
				credentials: { itniotechApi: { id: 'BenchCredential1', name: 'bench' } },
			},
		],
		connections: chain(['Start', 'Items', 'Lookup']),
	});
	const sign = code(
		's',
		'Sign',
		"const crypto = require('crypto'); const ts = String(Math.floor(Date.now() / 1000)); const sign = crypto.createHash('md5').update('benchKey' + 'benchSecret' + ts).digest('hex'); return $input.all().map((item, i) => ({ json: { voiceId: item.json.voiceId, ts, sign }, pairedItem: { item: i } }));",
		400,
	);
	const httpRequest = {
		id: 'h',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [600, 0],
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
	};
	const loop = {
		id: 'b',
		name: 'Loop Over Items',
		type: 'n8n-nodes-base.splitInBatches',
		typeVersion: 3,
		position: [500, 0],
		parameters: { batchSize: httpCap, options: {} },
	};
	return {
		...Object.fromEntries(
			concurrencies.map((concurrency) => [`node${concurrency}`, node(concurrency)]),
		),
		diy: {
			id: 'BenchDiyWf000001',
			name: 'bench: Code sign + HTTP Request + Code unwrap',
			nodes: [trigger, items, sign, httpRequest, code('u', 'Unwrap', unwrapCode(), 800)],
			connections: chain(['Start', 'Items', 'Sign', 'HTTP Request', 'Unwrap']),
		},
		httpCapped: {
			id: 'BenchHttpCapWf01',
			name: `bench: HTTP Request, ${httpCap} at a time (Loop Over Items)`,
			nodes: [trigger, items, sign, loop, { ...httpRequest, position: [700, 100] }],
			connections: {
				...chain(['Start', 'Items', 'Sign', 'Loop Over Items']),
				// Output 0 is "done", output 1 "loop": each batch goes to the HTTP Request node and back.
				'Loop Over Items': { main: [[], [{ node: 'HTTP Request', type: 'main', index: 0 }]] },
				'HTTP Request': { main: [[{ node: 'Loop Over Items', type: 'main', index: 0 }]] },
			},
		},
	};
}

/**
 * `repeats` executions of each workflow, alternating which runs first. Returns per-execution node times,
 * the simulator's request counts and most requests at once, and whether both routes gave the same items.
 */
async function realN8nSamples({ baseUrl, stats, lookups, concurrencies, httpCap, repeats, log }) {
	if (!installed()) return undefined;
	const n8n = require('../scripts/lib/n8n');
	const { freePort } = require('../scripts/lib/services');
	const runtime = n8n.ensureRuntime({ quiet: true });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'itniotech-bench-n8n-'));
	try {
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
		n8n.installPackage(userFolder, n8n.packPackage(path.join(userFolder, 'pack')));
		const wfs = workflows({ baseUrl, lookups, concurrencies, httpCap });
		const keys = Object.keys(wfs);
		const credential = {
			id: 'BenchCredential1',
			name: 'bench',
			type: 'itniotechApi',
			// n8n keeps a Base URL for Other Brand only; the simulator serves the Itniotech path layout.
			data: {
				apiKey: 'benchKey',
				apiSecret: 'benchSecret',
				platform: 'other',
				pathLayout: 'itniotech',
				baseUrl,
			},
		};
		const files = Object.values(wfs).map((wf) =>
			n8n.writeJson(path.join(userFolder, 'import', `${wf.id}.json`), {
				...wf,
				active: false,
				settings: { executionOrder: 'v1' },
			}),
		);
		await n8n.importCredentialAndWorkflows(runtime, userFolder, credential, files);
		const samples = Object.fromEntries(keys.map((key) => [key, []]));
		const outputs = {};
		for (let repeat = 0; repeat < repeats; repeat++) {
			// Rotated like the table rows (run.js): over the repeats every workflow runs early, in the middle and late.
			const shift = (repeat * Math.max(1, Math.ceil(keys.length / repeats))) % keys.length;
			for (const key of [...keys.slice(shift), ...keys.slice(0, shift)]) {
				await stats('resetStats');
				// A free task-broker port: another n8n on this machine may hold the default one.
				const env = {
					NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				};
				// BENCH_PROFILE_DIR: a CPU profile of each n8n process, to see where the time goes.
				if (process.env.BENCH_PROFILE_DIR)
					env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${path.join(process.env.BENCH_PROFILE_DIR, `${key}-${repeat + 1}`)}`;
				const run = await n8n.n8nCommand(
					runtime,
					userFolder,
					['execute', `--id=${wfs[key].id}`, '--rawOutput'],
					env,
				);
				const { requestCount, maxInFlight } = await stats('stats');
				const execution = n8n.parseRawOutput(run.stdout);
				const runData = execution.data.resultData.runData;
				const ms = (name) => runData[name]?.[0]?.executionTime;
				// A node in a loop runs once per batch: its time is the sum over its runs.
				const allRunsMs = (name) =>
					(runData[name] ?? []).reduce((sum, nodeRun) => sum + nodeRun.executionTime, 0);
				const out = (name) => runData[name]?.[0]?.data?.main?.[0] ?? [];
				const lastRunOut = (name, output) => runData[name]?.at(-1)?.data?.main?.[output] ?? [];
				const roles = {
					diy: () => ({
						items: out('Unwrap').length,
						signMs: ms('Sign'),
						httpMs: ms('HTTP Request'),
						unwrapMs: ms('Unwrap'),
					}),
					httpCapped: () => ({
						items: lastRunOut('Loop Over Items', 0).length,
						batches: runData['HTTP Request']?.length ?? 0,
						loopMs: allRunsMs('Loop Over Items'),
						httpMs: allRunsMs('HTTP Request'),
					}),
				};
				const sample = {
					status: execution.status,
					requests: requestCount,
					maxInFlight,
					itemsMs: ms('Items'),
					...(roles[key] ?? (() => ({ items: out('Lookup').length, lookupMs: ms('Lookup') })))(),
				};
				if (execution.status !== 'success' || sample.items !== lookups) {
					throw new Error(
						`real n8n ${key}: status ${execution.status}, ${sample.items} items: ${JSON.stringify(execution.data.resultData.error ?? {}).slice(0, 500)}`,
					);
				}
				samples[key].push(sample);
				if (repeat === 0 && key !== 'httpCapped')
					outputs[key] = JSON.stringify(
						out(key === 'diy' ? 'Unwrap' : 'Lookup').map((item) => item.json),
					);
				log(`  real n8n repeat ${repeat + 1} ${key}: ${JSON.stringify(sample)}`);
			}
		}
		const sameOutput = Object.keys(outputs).every((key) => outputs[key] === outputs.diy);
		return { version: runtime.n8nVersion, lookups, concurrencies, httpCap, samples, sameOutput };
	} finally {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

module.exports = { realN8nSamples };
