#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: every row measured in ONE run against the simulator in its own process (20 ms latency
 * per request by default, no request log), each row BENCH_REPEATS times (at least 3) in a rotated order,
 * each sample in a fresh process (bench/scenario.js), so its time and peak RSS are its own. The results go
 * to bench/last-run.json; bench/report.js turns them into the table and reading in docs/benchmarks.md.
 * Not part of `npm test`.
 *
 *   BENCH_N (10000) look-ups at BENCH_CONCURRENCY (16) · BENCH_SEQUENTIAL_N (1000) look-ups at concurrency 1
 *   BENCH_PAGING_RECORDS (200000) over 50 days · BENCH_LATENCY_MS (20) · BENCH_REPEATS (3)
 *   Wait for Result (rows waitGets, waitNode): 1,000 calls waited for 5 minutes, on a clock of their own
 *   Campaigns (rows campaignTts, campaignNode): 5,000 numbers as one TTS send each, and as one campaign
 *   BENCH_REAL_N8N (1; 0 skips real n8n) · BENCH_ROWS (comma-separated row ids and/or `real`, for development:
 *   prints the samples, writes nothing; with BENCH_MERGE=1 its rows replace theirs in bench/last-run.json, each
 *   tagged with this run's time and load, and the report is regenerated)
 */
const { execFile, fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { realN8nSamples } = require('./realN8n');
const { writeReport } = require('./report');

const ROOT = path.resolve(__dirname, '..');
/** The node's Batching → Max Concurrent Requests cap. */
const { CONCURRENCY_MAX } = require('../dist/nodes/Itniotech/common/fields.js');
const DAY_MS = 86400000;
const settings = {
	n: Number(process.env.BENCH_N || 10_000),
	concurrency: Number(process.env.BENCH_CONCURRENCY || 16),
	sequentialN: Number(process.env.BENCH_SEQUENTIAL_N || 1000),
	pagingRecords: Number(process.env.BENCH_PAGING_RECORDS || 200_000),
	historyDays: 50,
	latencyMs: Number(process.env.BENCH_LATENCY_MS || 20),
	repeats: Math.max(3, Number(process.env.BENCH_REPEATS || 3)),
	realN8nLookups: 1000,
};
const onlyRows = process.env.BENCH_ROWS ? new Set(process.env.BENCH_ROWS.split(',')) : undefined;

function startSimulator() {
	return new Promise((resolve, reject) => {
		const child = fork(
			path.join(ROOT, 'simulator/cli.js'),
			[
				'--port',
				'0',
				'--latency',
				String(settings.latencyMs),
				'--key',
				'benchKey',
				'--secret',
				'benchSecret',
				'--history',
				String(settings.pagingRecords),
				'--history-days',
				String(settings.historyDays),
				'--no-log',
			],
			{ stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
		);
		const pending = [];
		child.on('message', (message) => {
			if (message.baseUrl) resolve({ child, baseUrl: message.baseUrl, stats });
			if (message.stats) pending.shift()?.(message.stats);
		});
		/** `resetStats` or `stats`: the simulator's request count and most requests at once since the last reset. */
		const stats = (what) =>
			new Promise((answer) => {
				pending.push(answer);
				child.send(what);
			});
		child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
	});
}

const execFileAsync = promisify(execFile);

async function runScenario(args, nodeFlags = []) {
	const { stdout } = await execFileAsync(
		process.execPath,
		[...nodeFlags, path.join(__dirname, 'scenario.js'), JSON.stringify(args)],
		{
			encoding: 'utf8',
			maxBuffer: 16 * 1024 * 1024,
		},
	);
	return JSON.parse(stdout.trim().split('\n').pop());
}

async function recordMemory() {
	const { stdout } = await execFileAsync(
		process.execPath,
		['--expose-gc', '--allow-natives-syntax', path.join(__dirname, 'records.js')],
		{ encoding: 'utf8' },
	);
	return stdout
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line));
}

/** Row i of repeat r starts at position (i + r·step): every row runs early, in the middle and late. */
function rotated(rows, repeat) {
	const step = Math.max(1, Math.ceil(rows.length / settings.repeats));
	const shift = (repeat * step) % rows.length;
	return [...rows.slice(shift), ...rows.slice(0, shift)];
}

async function main() {
	const loadAtStart = os.loadavg();
	const sim = await startSimulator();
	const started = new Date();
	// Fixed for the whole run, so every paging sample asks for exactly the same windows.
	const to = new Date(started.getTime());
	const from = new Date(to.getTime() - (settings.historyDays + 5) * DAY_MS);
	const { baseUrl } = sim;
	const c = settings.concurrency;
	const rows = [
		{ id: 'bare', args: { scenario: 'bare', n: settings.n, concurrency: c } },
		{ id: 'lookupFloor', args: { scenario: 'lookupFloor', n: settings.n, concurrency: c } },
		{ id: 'lookupNode', args: { scenario: 'lookupNode', n: settings.n, concurrency: c } },
		{
			id: 'lookupFloor1',
			args: { scenario: 'lookupFloor', n: settings.sequentialN, concurrency: 1 },
		},
		{
			id: 'lookupNode1',
			args: { scenario: 'lookupNode', n: settings.sequentialN, concurrency: 1 },
		},
		{
			id: 'pagingFloor',
			args: {
				scenario: 'pagingFloor',
				from: from.toISOString(),
				to: to.toISOString(),
				concurrency: c,
			},
		},
		{
			id: 'pagingNode',
			args: {
				scenario: 'pagingNode',
				from: from.toISOString(),
				to: to.toISOString(),
				concurrency: c,
			},
		},
		{ id: 'reportFloor', args: { scenario: 'reportFloor', n: settings.n, concurrency: c } },
		{ id: 'reportNode', args: { scenario: 'reportNode', n: settings.n, concurrency: c } },
		{ id: 'records', memory: true },
		// 5,000 sheet rows called: one campaign (the task API) against one TTS send per number.
		...['campaignTts', 'campaignNode'].map((id) => ({
			id,
			args: { scenario: id, n: 5000, concurrency: c },
		})),
		...['waitGets', 'waitNode'].map((id) => ({
			id,
			args: {
				scenario: id,
				n: 1000,
				maxWaitMinutes: 5,
				latencyMs: settings.latencyMs,
				concurrency: c,
			},
		})),
	].filter((row) => !onlyRows || onlyRows.has(row.id));
	const samples = Object.fromEntries(rows.map((row) => [row.id, []]));
	const log = (line) => process.stdout.write(`${line}\n`);
	log(
		`Benchmark: ${os.cpus().length} cores, Node.js ${process.version}; latency ${settings.latencyMs} ms; ${settings.repeats} repeats`,
	);
	try {
		for (let repeat = 0; repeat < settings.repeats; repeat++) {
			for (const row of rotated(rows, repeat)) {
				if (row.memory) {
					samples[row.id].push(await recordMemory());
					log(
						`  repeat ${repeat + 1} ${row.id}: ${samples[row.id]
							.at(-1)
							.map((m) => `${m.kind} ${m.ratio.toFixed(3)}`)
							.join(', ')}`,
					);
					continue;
				}
				await sim.stats('resetStats');
				const result = await runScenario({ ...row.args, baseUrl });
				const { requestCount, maxInFlight } = await sim.stats('stats');
				// The count covers the warm-up too; rows that report requests take its requests off.
				samples[row.id].push({
					...result,
					// A row with a simulator of its own (Wait for Result) counts its requests itself.
					requests: result.requests ?? requestCount - (result.warmUpRequests ?? 0),
					maxInFlight,
				});
				log(
					`  repeat ${repeat + 1} ${row.id}: ${(result.ms / 1000).toFixed(2)} s, cpu ${(result.cpuMs / 1000).toFixed(2)} s, ${result.items} items, ${samples[row.id].at(-1).requests} requests, peak RSS ${Math.round(result.maxRssMb)} MB`,
				);
			}
		}
		let realN8n;
		if (process.env.BENCH_REAL_N8N !== '0' && (!onlyRows || onlyRows.has('real'))) {
			// The HTTP Request node sends every item at once, and also runs looped over batches of the
			// benchmark's concurrency (the same cap as this node); this node runs at that concurrency and at
			// its own maximum.
			realN8n = await realN8nSamples({
				baseUrl,
				stats: sim.stats,
				lookups: settings.realN8nLookups,
				concurrencies: [c, CONCURRENCY_MAX],
				httpCap: c,
				repeats: settings.repeats,
				log,
			});
		}
		const run = {
			date: started.toISOString(),
			machine: {
				cores: os.cpus().length,
				cpu: os.cpus()[0].model,
				memoryGiB: Math.round(os.totalmem() / 2 ** 30),
				node: process.version,
				loadAverageStart: loadAtStart,
				loadAverageEnd: os.loadavg(),
			},
			settings: { ...settings, from: from.toISOString(), to: to.toISOString() },
			rows: rows.map((row) => ({ id: row.id, args: row.args, samples: samples[row.id] })),
			realN8n,
		};
		if (onlyRows && process.env.BENCH_MERGE === '1') {
			const lastPath = path.join(__dirname, 'last-run.json');
			const last = JSON.parse(fs.readFileSync(lastPath, 'utf8'));
			const tag = {
				date: run.date,
				machine: run.machine,
				repeats: settings.repeats,
				latencyMs: settings.latencyMs,
			};
			for (const row of run.rows) {
				const merged = { ...row, run: tag };
				const at = last.rows.findIndex((r) => r.id === row.id);
				if (at === -1) last.rows.push(merged);
				else last.rows[at] = merged;
			}
			fs.writeFileSync(lastPath, `${JSON.stringify(last, null, 1)}\n`);
			log(writeReport(last));
			return;
		}
		if (onlyRows) {
			log(
				JSON.stringify(
					run.rows.map((r) => ({ id: r.id, ms: r.samples.map((s) => Math.round(s.ms ?? 0)) })),
				),
			);
			if (realN8n) log(JSON.stringify(realN8n));
			return;
		}
		fs.writeFileSync(path.join(__dirname, 'last-run.json'), `${JSON.stringify(run, null, 1)}\n`);
		log(writeReport(run));
	} finally {
		sim.child.kill();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
