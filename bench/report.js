#!/usr/bin/env node
'use strict';
/**
 * Turns a benchmark run (bench/last-run.json, written by bench/run.js) into the table and the reading in
 * docs/benchmarks.md, below its `<!-- results -->` marker. Every figure there comes from the run; run
 * `node bench/report.js` to regenerate the text from the saved run without measuring again.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DOC = path.join(ROOT, 'docs/benchmarks.md');

const TARGETS = { lookup: 1.1, pagingTime: 1.15, pagingRss: 1.3, recordMemory: 1.2, realN8n: 1.0 };

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const stat = (values) => ({
	median: median(values),
	min: Math.min(...values),
	max: Math.max(...values),
	n: values.length,
});
const s = (ms) => (ms / 1000).toFixed(2);
const timeCell = (st) => `${s(st.median)} s`;
const rangeCell = (st, unit = ' s', f = s) => `${f(st.min)}–${f(st.max)}${unit}`;
const mb = (v) => String(Math.round(v));
const verdict = (ratio, target) => (ratio <= target ? 'met' : 'missed');

function analyse(run) {
	const rows = Object.fromEntries(run.rows.map((row) => [row.id, row.samples]));
	const timed = (id, key = 'ms') => stat(rows[id].map((sample) => sample[key]));
	const a = {};
	for (const id of [
		'bare',
		'lookupFloor',
		'lookupNode',
		'lookupFloor1',
		'lookupNode1',
		'pagingFloor',
		'pagingNode',
	]) {
		a[id] = {
			ms: timed(id),
			cpuMs: timed(id, 'cpuMs'),
			rss: timed(id, 'maxRssMb'),
			sample: rows[id][0],
		};
	}
	// Get Delivery Report (issue #17): only in runs that measured it.
	if (rows.reportFloor && rows.reportNode) {
		for (const id of ['reportFloor', 'reportNode']) {
			a[id] = {
				ms: timed(id),
				cpuMs: timed(id, 'cpuMs'),
				rss: timed(id, 'maxRssMb'),
				requests: timed(id, 'requests'),
				sample: rows[id][0],
			};
		}
		a.reportTime = a.reportNode.ms.median / a.reportFloor.ms.median;
	}
	// Wait for Result (issue #24): only in runs that measured it.
	if (rows.waitGets && rows.waitNode) {
		for (const id of ['waitGets', 'waitNode']) {
			a[id] = {
				ms: timed(id),
				cpuMs: timed(id, 'cpuMs'),
				requests: timed(id, 'requests'),
				sample: rows[id][0],
			};
		}
		a.waitRequests = a.waitGets.requests.median / a.waitNode.requests.median;
		a.waitTime = a.waitNode.ms.median / a.waitGets.ms.median;
	}
	// Campaigns: only in runs that measured them.
	if (rows.campaignTts && rows.campaignNode) {
		for (const id of ['campaignTts', 'campaignNode']) {
			a[id] = {
				ms: timed(id),
				cpuMs: timed(id, 'cpuMs'),
				rss: timed(id, 'maxRssMb'),
				requests: timed(id, 'requests'),
				sample: rows[id][0],
			};
		}
		a.campaignTime = a.campaignNode.ms.median / a.campaignTts.ms.median;
	}
	a.lookup16 = a.lookupNode.ms.median / a.lookupFloor.ms.median;
	a.lookup1 = a.lookupNode1.ms.median / a.lookupFloor1.ms.median;
	a.pagingTime = a.pagingNode.ms.median / a.pagingFloor.ms.median;
	a.pagingRss = a.pagingNode.rss.median / a.pagingFloor.rss.median;
	a.pagingCpu = a.pagingNode.cpuMs.median / a.pagingFloor.cpuMs.median;
	a.records = rows.records[0].map(({ kind }, k) => {
		const per = rows.records.map((sample) => sample[k]);
		return {
			kind,
			raw: median(per.map((m) => m.rawBytes)),
			typed: median(per.map((m) => m.typedBytes)),
			ratio: stat(per.map((m) => m.ratio)),
			slow: Math.max(...per.map((m) => m.slow)),
			otherMaps: Math.max(...per.map((m) => m.otherMaps)),
			records: per[0].records,
			typeUs: median(per.map((m) => m.typeUs)),
		};
	});
	if (run.realN8n) {
		const { diy, httpCapped } = run.realN8n.samples;
		a.real = {
			http: stat(diy.map((x) => x.httpMs)),
			sign: stat(diy.map((x) => x.signMs)),
			unwrap: stat(diy.map((x) => x.unwrapMs)),
			diy: stat(diy.map((x) => x.signMs + x.httpMs + x.unwrapMs)),
			httpInFlight: stat(diy.map((x) => x.maxInFlight)),
			nodes: run.realN8n.concurrencies.map((concurrency) => {
				const samples = run.realN8n.samples[`node${concurrency}`];
				const time = stat(samples.map((x) => x.lookupMs));
				return { concurrency, time, inFlight: Math.max(...samples.map((x) => x.maxInFlight)) };
			}),
		};
		if (httpCapped) {
			a.real.capped = {
				cap: run.realN8n.httpCap,
				time: stat(httpCapped.map((x) => x.loopMs + x.httpMs)),
				loop: stat(httpCapped.map((x) => x.loopMs)),
				http: stat(httpCapped.map((x) => x.httpMs)),
				batches: httpCapped[0].batches,
				inFlight: Math.max(...httpCapped.map((x) => x.maxInFlight)),
			};
		}
		for (const n of a.real.nodes) {
			n.vsHttp = n.time.median / a.real.http.median;
			n.vsDiy = n.time.median / a.real.diy.median;
			if (a.real.capped?.cap === n.concurrency)
				n.vsCapped = n.time.median / a.real.capped.time.median;
		}
	}
	return a;
}

function table(run, a) {
	const { settings } = run;
	const c = settings.concurrency;
	const rate = (n, st) => `${Math.round(n / (st.median / 1000))}/s`;
	const pages = a.pagingFloor.sample.requests;
	const windows = Math.ceil(
		(Date.parse(settings.to) - Date.parse(settings.from)) / (31 * 86400000),
	);
	const rows = [
		[
			'1',
			`bare signed keep-alive client (physical limit), ${settings.n} look-ups, concurrency ${c}`,
			timeCell(a.bare.ms),
			rangeCell(a.bare.ms),
			`${rate(settings.n, a.bare.ms)}`,
		],
		[
			'2',
			`look-up floor: minimal node, one httpRequestWithAuthentication per item, ${settings.n} look-ups, concurrency ${c}`,
			timeCell(a.lookupFloor.ms),
			rangeCell(a.lookupFloor.ms),
			`${rate(settings.n, a.lookupFloor.ms)}; CPU ${s(a.lookupFloor.cpuMs.median)} s; peak RSS ${mb(a.lookupFloor.rss.median)} MB`,
		],
		[
			'3',
			`this node, Call Record → Get, same look-ups`,
			timeCell(a.lookupNode.ms),
			rangeCell(a.lookupNode.ms),
			`3/2 = **${a.lookup16.toFixed(3)}** (target ≤ ${TARGETS.lookup}: ${verdict(a.lookup16, TARGETS.lookup)}); CPU ${s(a.lookupNode.cpuMs.median)} s; peak RSS ${mb(a.lookupNode.rss.median)} MB`,
		],
		[
			'4',
			`look-up floor, ${settings.sequentialN} look-ups, concurrency 1`,
			timeCell(a.lookupFloor1.ms),
			rangeCell(a.lookupFloor1.ms),
			`${(a.lookupFloor1.ms.median / settings.sequentialN).toFixed(1)} ms per look-up`,
		],
		[
			'5',
			`this node, same look-ups, concurrency 1`,
			timeCell(a.lookupNode1.ms),
			rangeCell(a.lookupNode1.ms),
			`5/4 = **${a.lookup1.toFixed(3)}** (target ≤ ${TARGETS.lookup}: ${verdict(a.lookup1, TARGETS.lookup)}); ${(a.lookupNode1.ms.median / settings.sequentialN).toFixed(1)} ms per look-up`,
		],
		[
			'6',
			`paging floor: minimal node paging the same ${windows} windows (${a.pagingFloor.sample.items} records, ${pages} pages of 100) with httpRequestWithAuthentication, concurrency ${c}, records untyped`,
			timeCell(a.pagingFloor.ms),
			rangeCell(a.pagingFloor.ms),
			`CPU ${s(a.pagingFloor.cpuMs.median)} s; peak RSS ${mb(a.pagingFloor.rss.median)} MB (${rangeCell(a.pagingFloor.rss, ' MB', mb)})`,
		],
		[
			'7',
			`this node, Search Group Call Records, Return All over the same range (${a.pagingNode.sample.items} records, ${a.pagingNode.sample.requests} pages), typed`,
			timeCell(a.pagingNode.ms),
			rangeCell(a.pagingNode.ms),
			`7/6 time = **${a.pagingTime.toFixed(3)}** (target ≤ ${TARGETS.pagingTime}: ${verdict(a.pagingTime, TARGETS.pagingTime)}); peak RSS ${mb(a.pagingNode.rss.median)} MB (${rangeCell(a.pagingNode.rss, ' MB', mb)}), 7/6 = **${a.pagingRss.toFixed(3)}** (target ≤ ${TARGETS.pagingRss}: ${verdict(a.pagingRss, TARGETS.pagingRss)}); CPU 7/6 = ${a.pagingCpu.toFixed(2)}`,
		],
		...a.records.map((r, k) => [
			`8${'ab'[k]}`,
			`typed ${r.kind} record vs the raw record JSON.parse made of the vendor page (${r.records} records, heap after full GC)`,
			`${Math.round(r.typed)} B`,
			`raw ${Math.round(r.raw)} B`,
			`typed/raw = **${r.ratio.median.toFixed(3)}** (${r.ratio.min.toFixed(3)}–${r.ratio.max.toFixed(3)}; target ≤ ${TARGETS.recordMemory}: ${verdict(r.ratio.max, TARGETS.recordMemory)}); fast properties: ${r.slow === 0 ? `all ${r.records}` : `${r.slow} slow`}, ${r.otherMaps === 0 ? 'one hidden class' : `${r.otherMaps} on other maps`}; ${r.typeUs.toFixed(2)} µs to type one`,
		]),
	];
	if (a.real) {
		const r = run.realN8n;
		const { capped } = a.real;
		const ids = { http: '9a', capped: '9b', diy: capped ? '9e' : '9d' };
		const nodeIds = a.real.nodes.map((_, k) => `9${(capped ? 'cd' : 'bc')[k]}`);
		rows.push([
			ids.http,
			`real n8n ${r.version}: HTTP Request node alone, ${r.lookups} look-ups (signed by a Code node before it)`,
			timeCell(a.real.http),
			rangeCell(a.real.http),
			`no cap of its own: it sends every item at once; the simulator saw at most ${a.real.httpInFlight.min}–${a.real.httpInFlight.max} at once`,
		]);
		if (capped) {
			rows.push([
				ids.capped,
				`real n8n ${r.version}: HTTP Request node, the same look-ups ${capped.cap} at a time with the Loop Over Items pattern (lock-step batches of ${capped.cap}, ${capped.batches} runs of the HTTP Request node)`,
				timeCell(capped.time),
				rangeCell(capped.time),
				`Loop Over Items ${s(capped.loop.median)} s + HTTP Request ${s(capped.http.median)} s (medians, summed over their runs; n8n's work between the runs not counted); at most ${capped.inFlight} in flight`,
			]);
		}
		a.real.nodes.forEach((n, k) => {
			const id = nodeIds[k];
			const vsLoop =
				n.vsCapped !== undefined
					? `; ${id}/${ids.capped} = ${n.vsCapped.toFixed(3)} (the loop pattern)`
					: '';
			rows.push([
				id,
				`real n8n ${r.version}: this node, the same ${r.lookups} look-ups, Max Concurrent Requests ${n.concurrency}`,
				timeCell(n.time),
				rangeCell(n.time),
				`${id}/${ids.http} = **${n.vsHttp.toFixed(3)}** (target ≤ ${TARGETS.realN8n}: ${verdict(n.vsHttp, TARGETS.realN8n)}; ${ids.http} has every item in flight at once)${vsLoop}; at most ${n.inFlight} in flight; ${id}/${ids.diy} = ${n.vsDiy.toFixed(3)}`,
			]);
		});
		rows.push([
			ids.diy,
			`real n8n ${r.version}: do-it-yourself route with the same output: Code (sign) + HTTP Request + Code (unwrap, type)`,
			timeCell(a.real.diy),
			rangeCell(a.real.diy),
			`Code ${s(a.real.sign.median)} s + HTTP Request ${s(a.real.http.median)} s + Code ${s(a.real.unwrap.median)} s (medians); same items as ${nodeIds.join(' and ')}: ${r.sameOutput ? 'yes' : 'NO'}`,
		]);
	} else {
		rows.push([
			'9',
			'real n8n comparison',
			'not run',
			'',
			'install n8n into .tools/ (`npm start` or `npm test` once)',
		]);
	}
	if (a.reportTime !== undefined) {
		const requests = (st) => (st.min === st.max ? `${st.min}` : `${st.min}–${st.max}`);
		rows.push(
			[
				'10a',
				`delivery-report floor: minimal node, one httpRequestWithAuthentication GET of getReport per item, ${a.reportFloor.sample.items} items of one msgId each, concurrency ${c}`,
				timeCell(a.reportFloor.ms),
				rangeCell(a.reportFloor.ms),
				`**${requests(a.reportFloor.requests)} requests**; CPU ${s(a.reportFloor.cpuMs.median)} s; peak RSS ${mb(a.reportFloor.rss.median)} MB`,
			],
			[
				'10b',
				`this node, Get Delivery Report, the same ${a.reportNode.sample.items} items (the IDs of all items together, up to 200 per request)`,
				timeCell(a.reportNode.ms),
				rangeCell(a.reportNode.ms),
				`**${requests(a.reportNode.requests)} requests**; 10b/10a time = **${a.reportTime.toFixed(3)}**; CPU ${s(a.reportNode.cpuMs.median)} s; peak RSS ${mb(a.reportNode.rss.median)} MB`,
			],
		);
	}
	if (a.waitRequests !== undefined) {
		const requests = (st) => (st.min === st.max ? `${st.min}` : `${st.min}–${st.max}`);
		const calls = a.waitNode.sample.items;
		rows.push(
			[
				'11a',
				`Wait for Result the long way: ${calls} audio file calls, then one Call Record → Get per open call per poll (the same pauses, 5 minutes at most)`,
				timeCell(a.waitGets.ms),
				rangeCell(a.waitGets.ms),
				`**${requests(a.waitGets.requests)} requests**; CPU ${s(a.waitGets.cpuMs.median)} s`,
			],
			[
				'11b',
				`this node, Send Audio File with Wait for Result (Max Wait 5 minutes), the same ${calls} calls`,
				timeCell(a.waitNode.ms),
				rangeCell(a.waitNode.ms),
				`**${requests(a.waitNode.requests)} requests**; 11a/11b requests = **${a.waitRequests.toFixed(1)}**; 11b/11a time = **${a.waitTime.toFixed(3)}**; CPU ${s(a.waitNode.cpuMs.median)} s`,
			],
		);
	}
	if (a.campaignTime !== undefined) {
		const requests = (st) => (st.min === st.max ? `${st.min}` : `${st.min}–${st.max}`);
		const n = a.campaignTts.sample.items;
		rows.push(
			[
				'12a',
				`${n} numbers, one Call → Send Text to Speech per number (the name in each text), concurrency ${c}`,
				timeCell(a.campaignTts.ms),
				rangeCell(a.campaignTts.ms),
				`**${requests(a.campaignTts.requests)} requests**; CPU ${s(a.campaignTts.cpuMs.median)} s; peak RSS ${mb(a.campaignTts.rss.median)} MB`,
			],
			[
				'12b',
				`the same ${n} numbers as one Campaign → Create (the task API; each name as text1)`,
				timeCell(a.campaignNode.ms),
				rangeCell(a.campaignNode.ms),
				`**${requests(a.campaignNode.requests)} request${a.campaignNode.requests.max === 1 ? '' : 's'}**; 12b/12a time = **${a.campaignTime.toFixed(3)}**; CPU ${s(a.campaignNode.cpuMs.median)} s; peak RSS ${mb(a.campaignNode.rss.median)} MB`,
			],
		);
	}
	return [
		'| row | what | median | min–max | ratios and notes |',
		'|---|---|---|---|---|',
		...rows.map((row) => `| ${row.join(' | ')} |`),
	].join('\n');
}

/** What V8 said of the typed records' shapes, in words, from the worst sample of each kind. */
function shapeReading(records) {
	const slow = Math.max(...records.map((r) => r.slow));
	const other = Math.max(...records.map((r) => r.otherMaps));
	const fast =
		slow === 0 ? 'every typed record has fast properties' : `${slow} typed records are slow`;
	if (other === 0) return `${fast} and, per kind, one hidden class.`;
	return `${fast}; per kind, all but ${other} share one hidden class (the first records a typer makes, before V8 has learnt the copy).`;
}

function reading(run, a) {
	const lines = [];
	const met = (ratio, target) =>
		`${ratio.toFixed(3)}, target ≤ ${target}: **${verdict(ratio, target)}**`;
	const c = run.settings.concurrency;
	lines.push(
		`- **Look-ups vs the helper floor**: ${met(a.lookup16, TARGETS.lookup)} at concurrency ${c}; ${met(a.lookup1, TARGETS.lookup)} at concurrency 1. ` +
			`${a.lookup16 < 1 ? `Below 1 at concurrency ${c}: the node reads items ahead and starts its requests about 1 ms apart, so its answers do not come back in bunches; the floor starts every request as soon as a slot is free. ` : ''}` +
			`The floor itself takes ${(a.lookupFloor.ms.median / a.bare.ms.median).toFixed(2)}× the keep-alive client's time (row 1): n8n's helper opens a new connection for every request.`,
	);
	lines.push(
		`- **Return All vs the paging floor**: time ${met(a.pagingTime, TARGETS.pagingTime)}; peak RSS ${met(a.pagingRss, TARGETS.pagingRss)}. ` +
			`The node's process spends ${a.pagingCpu.toFixed(2)}× the floor's CPU (${s(a.pagingNode.cpuMs.median)} s vs ${s(a.pagingFloor.cpuMs.median)} s): it types, de-duplicates and sorts ${a.pagingNode.sample.items} records the floor passes on as they came; ` +
			`with ${c} pages in flight, part of that work overlaps the waiting.`,
	);
	if (a.reportTime !== undefined) {
		lines.push(
			`- **Get Delivery Report vs one request per ID**: ${a.reportNode.requests.median} requests instead of ${a.reportFloor.requests.median}, ` +
				`${s(a.reportNode.ms.median)} s instead of ${s(a.reportFloor.ms.median)} s (${a.reportTime.toFixed(3)}× the floor's time) for ${a.reportNode.sample.items} message IDs.`,
		);
	}
	if (a.waitRequests !== undefined) {
		lines.push(
			`- **Wait for Result vs one Get per call per poll**: ${a.waitNode.requests.median} look-ups instead of ${a.waitGets.requests.median} (${a.waitRequests.toFixed(1)}× fewer) ` +
				`for ${a.waitNode.sample.items} calls waited for 5 minutes, two of them never ending; the time shown is the requests' (the simulator's calls progress on a clock the wait's pauses move on).`,
		);
	}
	if (a.campaignTime !== undefined) {
		lines.push(
			`- **A campaign vs one call per number**: ${a.campaignNode.requests.median} request${a.campaignNode.requests.median === 1 ? '' : 's'} instead of ${a.campaignTts.requests.median}, ` +
				`${s(a.campaignNode.ms.median)} s instead of ${s(a.campaignTts.ms.median)} s for ${a.campaignTts.sample.items} numbers. The time is the node's: Itniotech then dials the campaign's numbers itself.`,
		);
	}
	const worst = Math.max(...a.records.map((r) => r.ratio.max));
	lines.push(
		`- **Typed record memory**: the worst typed/raw ratio over all samples and kinds is ${met(worst, TARGETS.recordMemory)}; ${shapeReading(a.records)}`,
	);
	if (a.real) {
		const { capped } = a.real;
		const diy = a.real.nodes
			.map((n) => `${n.vsDiy.toFixed(3)} at concurrency ${n.concurrency}`)
			.join(', ');
		const [low, high] = [a.real.nodes[0], a.real.nodes[a.real.nodes.length - 1]];
		const each = a.real.nodes
			.map((n) => `at concurrency ${n.concurrency}: ${met(n.vsHttp, TARGETS.realN8n)}`)
			.join('; ');
		const loop =
			low.vsCapped !== undefined
				? ` With the HTTP Request node held to ${capped.cap} at a time the way an n8n user does it (Loop Over Items, lock-step batches, at most ${capped.inFlight} in flight), this node at ${low.concurrency} takes ${low.vsCapped.toFixed(3)}× its time; that figure mostly shows the cost of the loop pattern.`
				: '';
		lines.push(
			`- **Real n8n, this node against the HTTP Request node alone**: ${each}. The HTTP Request node has no cap of its own: it had ${a.real.httpInFlight.min}–${a.real.httpInFlight.max} requests in flight, this node at most its Max Concurrent Requests.${loop} ` +
				`The same look-ups take ${s(low.time.median)} s at concurrency ${low.concurrency} and ${s(high.time.median)} s at ${high.concurrency}. ` +
				`Against the whole do-it-yourself route with the same output: ${diy}.`,
		);
	}
	return lines.join('\n');
}

const ROW_LABELS = {
	bare: '1',
	lookupFloor: '2',
	lookupNode: '3',
	lookupFloor1: '4',
	lookupNode1: '5',
	pagingFloor: '6',
	pagingNode: '7',
	records: '8',
	reportFloor: '10a',
	reportNode: '10b',
	waitGets: '11a',
	waitNode: '11b',
	campaignTts: '12a',
	campaignNode: '12b',
};

/** Rows measured later on their own (BENCH_ROWS with BENCH_MERGE=1): which, when and under what load. */
function laterRows(run) {
	const byDate = new Map();
	for (const row of run.rows.filter((r) => r.run))
		byDate.set(row.run.date, [...(byDate.get(row.run.date) ?? []), row]);
	return [...byDate.values()].map((rows) => {
		const { date, machine: m, repeats, latencyMs } = rows[0].run;
		const load = (l) => l.map((x) => x.toFixed(1)).join(' / ');
		return `\nRows ${rows.map((r) => ROW_LABELS[r.id] ?? r.id).join(', ')} come from a later run of those rows only (${date.slice(0, 16).replace('T', ' ')} UTC, ${repeats} times in a rotated order, ${latencyMs} ms latency): load average at the start ${load(m.loadAverageStart)}, at the end ${load(m.loadAverageEnd)}. Every other row comes from the run above.`;
	});
}

function writeReport(run) {
	const a = analyse(run);
	const m = run.machine;
	const body = [
		`## Latest run (${run.date.slice(0, 16).replace('T', ' ')} UTC)`,
		'',
		`${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node.js ${m.node}; load average (1/5/15 min)${m.loadAverageStart ? ` at the start ${m.loadAverageStart.map((l) => l.toFixed(1)).join(' / ')},` : ''} at the end ${m.loadAverageEnd.map((l) => l.toFixed(1)).join(' / ')}. Simulator in its own process, ${run.settings.latencyMs} ms latency per request, no request log. Every row ${run.settings.repeats} times in a rotated order; median and min–max; ratios are of medians.`,
		...laterRows(run),
		'',
		table(run, a),
		'',
		'### Reading (generated from this run)',
		'',
		reading(run, a),
		'',
	].join('\n');
	const header = fs.existsSync(DOC)
		? fs.readFileSync(DOC, 'utf8').split('<!-- results -->')[0]
		: '# Benchmarks\n\n';
	fs.writeFileSync(DOC, `${header}<!-- results -->\n${body}`);
	return body;
}

module.exports = { writeReport, analyse };

if (require.main === module) {
	process.stdout.write(
		writeReport(JSON.parse(fs.readFileSync(path.join(__dirname, 'last-run.json'), 'utf8'))),
	);
}
