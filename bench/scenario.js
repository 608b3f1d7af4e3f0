'use strict';
/**
 * One benchmark scenario in a fresh process, so its time and peak RSS are its own. Prints one JSON line:
 * { ms, cpuMs, items, maxRssMb, ... } (warmUpRequests: what the warm-up sent, where a row reports requests). Usage: node bench/scenario.js '<json>' with
 * { scenario, baseUrl, n, concurrency, from, to }.
 *
 * Everything a scenario needs is loaded, and one small warm-up run of the same kind is done, before the
 * timer starts: the time is the run itself, not module loading or the first request's lazy setup.
 */
const http = require('node:http');
const { createHash } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { PerformanceObserver } = require('node:perf_hooks');
const { seededMsgId } = require('../simulator/sms');

const userFolder = mkdtempSync(path.join(tmpdir(), 'itniotech-bench-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY = 'bench-only';
process.env.N8N_LOG_LEVEL = 'silent';

const args = JSON.parse(process.argv[2]);
const { scenario, baseUrl } = args;
const concurrency = Number(args.concurrency ?? 16);
const ACCOUNT = { apiKey: 'benchKey', apiSecret: 'benchSecret' };
const credentials = { ...ACCOUNT, baseUrl };
const WINDOW_MS = 31 * 86400000;

/** Runs `work(i)` for i in [0, count) with at most `limit` at once; results in input order. */
async function pool(count, limit, work) {
	const results = new Array(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.max(1, Math.min(limit, count)) }, async () => {
			while (next < count) {
				const i = next++;
				results[i] = await work(i);
			}
		}),
	);
	return results;
}

/** The physical limit: a bare signed client with keep-alive, no n8n. */
async function bareClient(ids) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const url = new URL(baseUrl);
	const get = (id) =>
		new Promise((resolve, reject) => {
			const timestamp = String(Math.floor(Date.now() / 1000));
			const sign = createHash('md5')
				.update(`${ACCOUNT.apiKey}${ACCOUNT.apiSecret}${timestamp}`)
				.digest('hex');
			const req = http.request(
				{
					host: url.hostname,
					port: url.port,
					path: `/voice/recordGroup/${id}`,
					agent,
					headers: { 'Api-Key': ACCOUNT.apiKey, Timestamp: timestamp, Sign: sign },
				},
				(res) => {
					let body = '';
					res.on('data', (c) => (body += c));
					res.on('end', () =>
						JSON.parse(body).status === '0' ? resolve() : reject(new Error(body)),
					);
				},
			);
			req.on('error', reject);
			req.end();
		});
	await pool(ids.length, concurrency, (i) => get(ids[i]));
	agent.destroy();
	return ids.length;
}

const floorDescription = (name, properties) => ({
	displayName: name,
	name,
	group: ['transform'],
	version: 1,
	description: '',
	defaults: { name },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'itniotechApi', required: true }],
	properties,
});

/**
 * The credential read once for the whole run and handed to the helper with every request (which still
 * signs each one), as the node does: the floors get every saving a node can make.
 */
async function credentialOnce(ctx) {
	const data = await ctx.getCredentials('itniotechApi', 0);
	return { credentialsDecrypted: { id: '1', name: 'bench', type: 'itniotechApi', data } };
}

/** A floor's run: per item, read its parameters (`requestOf`) and make one httpRequestWithAuthentication call. */
async function oneRequestPerItem(ctx, requestOf) {
	const credential = await credentialOnce(ctx);
	const out = await pool(ctx.getInputData().length, concurrency, async (i) => {
		const json = await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			'itniotechApi',
			{ method: 'GET', json: true, ...requestOf(i) },
			credential,
		);
		return { json, pairedItem: { item: i } };
	});
	return [out];
}

/** The look-up floor: per item, read the parameter and make one httpRequestWithAuthentication call. */
class LookupFloor {
	description = floorDescription('lookupFloor', [
		{ displayName: 'Voice ID', name: 'voiceId', type: 'string', default: '' },
	]);
	async execute() {
		return await oneRequestPerItem(this, (i) => ({
			url: `/voice/recordGroup/${this.getNodeParameter('voiceId', i)}`,
		}));
	}
}

/** The delivery-report floor: per item, one httpRequestWithAuthentication GET of getReport for its one msgId. */
class ReportFloor {
	description = floorDescription('reportFloor', [
		{ displayName: 'App ID', name: 'appId', type: 'string', default: '' },
		{ displayName: 'Message ID', name: 'msgId', type: 'string', default: '' },
	]);
	async execute() {
		return await oneRequestPerItem(this, (i) => ({
			url: '/sms/getReport',
			qs: { appId: this.getNodeParameter('appId', i), msgIds: this.getNodeParameter('msgId', i) },
		}));
	}
}

/**
 * The paging floor: the same ≤31-day windows as the node, page 1 of each first (it tells how many pages
 * there are), then the other pages `concurrency` at a time, each with httpRequestWithAuthentication; the
 * vendor's records are output as they came (untyped, unsorted).
 */
class PagingFloor {
	description = floorDescription('pagingFloor', [
		{ displayName: 'From', name: 'from', type: 'string', default: '' },
		{ displayName: 'To', name: 'to', type: 'string', default: '' },
	]);
	async execute() {
		const from = Date.parse(this.getNodeParameter('from', 0));
		const to = Date.parse(this.getNodeParameter('to', 0));
		const vendorTime = (ms) => `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
		const credential = await credentialOnce(this);
		const out = [];
		for (let start = from; start < to; start += WINDOW_MS) {
			const params = {
				strTime: vendorTime(start),
				endTime: vendorTime(Math.min(start + WINDOW_MS, to)),
			};
			const page = async (current) =>
				(
					await this.helpers.httpRequestWithAuthentication.call(
						this,
						'itniotechApi',
						{
							method: 'POST',
							url: '/voice/recordGroupQuery',
							body: { current, size: 100, params },
							json: true,
						},
						credential,
					)
				).data;
			const first = await page(1);
			const rest = await pool(first.pages - 1, concurrency, (i) => page(i + 2));
			for (const { records } of [first, ...rest])
				for (const json of records) out.push({ json, pairedItem: { item: 0 } });
		}
		return [out];
	}
}

const lookupItems = (n) =>
	Array.from({ length: n }, (_, i) => ({ json: { voiceId: String(1000000 + i) } }));
const nodeLookup = {
	resource: 'callRecord',
	operation: 'getGroupRecord',
	voiceId: '={{ $json.voiceId }}',
	options: { concurrency },
};
const nodeSearch = (from, to) => ({
	resource: 'callRecord',
	operation: 'searchGroupRecords',
	from,
	to,
	returnAll: true,
	options: { concurrency },
});
// The messages the simulator was seeded with (--sms-sent), one msgId per item.
const reportItems = (n) =>
	Array.from({ length: n }, (_, i) => ({ json: { msgId: seededMsgId(i) } }));
const floorReport = { appId: 'benchApp', msgId: '={{ $json.msgId }}' };
/** 5,000 sheet rows (name, phone) for the campaign rows: one task against one TTS send per number. */
const campaignItems = (n) =>
	Array.from({ length: n }, (_, i) => ({
		json: { name: `Person ${i}`, phone: `4477${String(i).padStart(8, '0')}` },
	}));
const campaignCreate = (name) => ({
	resource: 'campaign',
	operation: 'create',
	number: '={{ $json.phone }}',
	text: 'Hello ${text1}, see you tomorrow',
	campaignName: name,
	personalTexts: { text1: '={{ $json.name }}' },
	additionalFields: {},
	options: {},
});
const ttsPerNumber = {
	resource: 'call',
	operation: 'sendTts',
	callee: '={{ $json.phone }}',
	language: 'EN',
	text: '=Hello {{ $json.name }}, see you tomorrow',
	additionalFields: {},
	options: { concurrency },
};
// Task names are unique per account, and every sample shares one simulator.
const uniqueName = (what) => `Bench ${what} ${process.pid} ${Date.now()}`;
const nodeReport = {
	resource: 'message',
	operation: 'getReport',
	msgIds: '={{ $json.msgId }}',
	options: { concurrency, appId: 'benchApp' },
};
const HOUR_AGO = () => new Date(Date.now() - 3600000).toISOString();

/**
 * Wait for Result (rows 11a, 11b): `args.n` audio file calls placed, then waited for up to
 * `args.maxWaitMinutes` against a simulator of this process whose calls progress on a clock that the wait's
 * sleeps move on (so 5 minutes take no 5 minutes: the time is the requests'). Two calls never end, so both
 * wait the full Max Wait. 11a waits as a workflow without the option would: one Get per open call per poll
 * (the same pauses); 11b is the node's own wait. `requests` counts the look-ups, not the sends.
 */
function waitScenario() {
	const { ItniotechSimulator } = require('../simulator/server');
	const { HOST_CLOCK } = require('../dist/nodes/Itniotech/api/transport/clock.js');
	const { pollInterval } = require('../dist/nodes/Itniotech/common/waitForResult/schedule.js');
	const clock = { ms: Date.now() };
	HOST_CLOCK.now = () => clock.ms;
	HOST_CLOCK.sleep = async (ms, signal) => {
		if (!signal?.aborted) clock.ms += ms;
	};
	const sim = new ItniotechSimulator({
		accounts: { [ACCOUNT.apiKey]: ACCOUNT.apiSecret },
		latencyMs: Number(args.latencyMs ?? 20),
		keepRequests: false,
	});
	const callees = (n) =>
		Array.from({ length: n }, (_, i) => `4477009${String(i).padStart(5, '0')}`).join(',');
	const maxWaitMs = args.maxWaitMinutes * 60_000;
	const outcomes = ['answered', 'answered', 'notAnswered', 'failed'];
	const progress = {
		now: () => clock.ms,
		ringAfterMs: 3_000,
		answerAfterMs: 12_000,
		endAfterMs: 40_000,
		callOutcome: ({ index }) => (index === 10 || index === 500 ? 'never' : outcomes[index % 4]),
	};
	const send = (n, wait) => ({
		resource: 'call',
		operation: 'sendGroup',
		callees: callees(n),
		fileId: 'greeting.mp3',
		additionalFields: {},
		options: {
			concurrency,
			...(wait ? { waitForResult: true, maxWaitMinutes: args.maxWaitMinutes } : {}),
		},
	});
	const withVoiceApp = () => ({ ...ACCOUNT, baseUrl: sim.baseUrl, voiceAppId: 'benchVoice' });
	const getEach = async (n) => {
		const { runNode } = require('../test/harness/engine');
		const placed = await runNode({
			parameters: send(n, false),
			credentials: withVoiceApp(),
			record: false,
		});
		const open = new Set(placed.items.map((item) => item.json.voiceId));
		const deadline = clock.ms + maxWaitMs;
		for (let round = 0; open.size > 0 && clock.ms < deadline; round++) {
			await HOST_CLOCK.sleep(Math.min(pollInterval(round), deadline - clock.ms));
			const ids = [...open];
			const looked = await runNode({
				parameters: { voiceId: '={{ $json.voiceId }}' },
				items: ids.map((voiceId) => ({ json: { voiceId } })),
				credentials: withVoiceApp(),
				nodeType: new LookupFloor(),
				record: false,
			});
			looked.items.forEach((item, i) => {
				if (item.json.data?.hangupTime) open.delete(ids[i]);
			});
		}
		return placed.items.length;
	};
	const nodeWait = async (n) => {
		const { runNode } = require('../test/harness/engine');
		const result = await runNode({
			parameters: send(n, true),
			credentials: withVoiceApp(),
			record: false,
		});
		if (result.error) throw new Error(result.error.message);
		return result.items.length;
	};
	const waitRun = scenario === 'waitGets' ? getEach : nodeWait;
	const lookUps = () => sim.requestCount - sim.sent.length;
	return {
		warmUp: async () => {
			await sim.start();
			sim.setProgress({ ...progress, callOutcome: () => 'answered' });
			await waitRun(3);
			sim.reset();
			sim.setProgress(progress);
			sim.requestCount = 0;
		},
		run: async () => {
			const items = await waitRun(args.n);
			return { items, requests: lookUps(), sends: sim.sent.length };
		},
		stop: async () => await sim.stop(),
	};
}

/** Each scenario: what it loads and warms up before the timer, and the timed run. */
function prepare() {
	if (scenario === 'bare') {
		const ids = Array.from({ length: args.n }, (_, i) => String(1000000 + i));
		return { warmUp: () => bareClient(ids.slice(0, 1)), run: () => bareClient(ids) };
	}
	const { runNode } = require('../test/harness/engine');
	const inEngine = async (nodeType, parameters, items) => {
		const result = await runNode({
			parameters,
			items,
			credentials,
			record: false,
			...(nodeType ? { nodeType } : {}),
		});
		if (result.error) throw new Error(result.error.message);
		return result.items.length;
	};
	const items = lookupItems(args.n ?? 0);
	const now = new Date().toISOString();
	switch (scenario) {
		case 'lookupFloor':
			return {
				warmUp: () =>
					inEngine(new LookupFloor(), { voiceId: '={{ $json.voiceId }}' }, lookupItems(1)),
				run: () => inEngine(new LookupFloor(), { voiceId: '={{ $json.voiceId }}' }, items),
			};
		case 'lookupNode':
			return {
				warmUp: () => inEngine(undefined, nodeLookup, lookupItems(1)),
				run: () => inEngine(undefined, nodeLookup, items),
			};
		case 'pagingFloor':
			return {
				warmUp: () => inEngine(new PagingFloor(), { from: HOUR_AGO(), to: now }, [{ json: {} }]),
				run: () => inEngine(new PagingFloor(), { from: args.from, to: args.to }, [{ json: {} }]),
			};
		case 'pagingNode':
			return {
				warmUp: () => inEngine(undefined, nodeSearch(HOUR_AGO(), now), [{ json: {} }]),
				run: () => inEngine(undefined, nodeSearch(args.from, args.to), [{ json: {} }]),
			};
		case 'reportFloor':
			return {
				warmUpRequests: 1,
				warmUp: () => inEngine(new ReportFloor(), floorReport, reportItems(1)),
				run: () => inEngine(new ReportFloor(), floorReport, reportItems(args.n)),
			};
		case 'reportNode': {
			const { ItniotechSms } = require('../dist/nodes/Itniotech/Sms/ItniotechSms.node.js');
			return {
				warmUpRequests: 1,
				warmUp: () => inEngine(new ItniotechSms(), nodeReport, reportItems(1)),
				run: () => inEngine(new ItniotechSms(), nodeReport, reportItems(args.n)),
			};
		}
		case 'campaignNode':
		case 'campaignTts': {
			// Sends take the Voice App ID from the credential.
			const voice = async (parameters, rows) => {
				const result = await runNode({
					parameters,
					items: rows,
					credentials: { ...credentials, voiceAppId: 'benchVoiceApp' },
					record: false,
				});
				if (result.error) throw new Error(result.error.message);
				return result.items.length;
			};
			const parameters = (what) =>
				scenario === 'campaignNode' ? campaignCreate(uniqueName(what)) : ttsPerNumber;
			return {
				warmUpRequests: 1,
				warmUp: () => voice(parameters('warm-up'), campaignItems(1)),
				run: () => voice(parameters('run'), campaignItems(args.n)),
			};
		}
		case 'waitGets':
		case 'waitNode':
			return waitScenario();
		default:
			throw new Error(`unknown scenario ${scenario}`);
	}
}

/** Time spent in garbage collection while the timer runs (what the profile shows as "(garbage collector)"). */
function gcTimer() {
	let ms = 0;
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) ms += entry.duration;
	});
	observer.observe({ entryTypes: ['gc'] });
	return () => {
		observer.disconnect();
		return ms;
	};
}

async function main() {
	const { warmUp, run, warmUpRequests, stop } = prepare();
	await warmUp();
	const gcMs = gcTimer();
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	const outcome = await run();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const { user, system } = process.cpuUsage(cpu);
	await stop?.();
	// A scenario with a simulator of its own counts its requests itself.
	const counted = typeof outcome === 'object' ? outcome : { items: outcome };
	const result = {
		ms,
		cpuMs: (user + system) / 1000,
		gcMs: gcMs(),
		...counted,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
		warmUpRequests,
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(() => rmSync(userFolder, { recursive: true, force: true }));
