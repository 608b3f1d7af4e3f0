'use strict';
/**
 * One benchmark scenario in a fresh process (so its peak RSS is its own). Prints one JSON line:
 * { ms, items, maxRssMb }. Usage: node bench/scenario.js <scenario> <n> <concurrency> <baseUrl>
 */
const http = require('node:http');
const { createHash } = require('node:crypto');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'itniotech-bench-'));
process.env.N8N_ENCRYPTION_KEY = 'bench-only';
process.env.N8N_LOG_LEVEL = 'silent';

const [scenario, nText, concurrencyText, baseUrl] = process.argv.slice(2);
const n = Number(nText);
const concurrency = Number(concurrencyText);
const ACCOUNT = { apiKey: 'benchKey', apiSecret: 'benchSecret' };
const credentials = { ...ACCOUNT, baseUrl };
const ids = Array.from({ length: n }, (_, i) => String(1000000 + i));

/** Row 1: the physical limit: a bare signed client with keep-alive. */
async function bareClient() {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const url = new URL(baseUrl);
	const get = (id) =>
		new Promise((resolve, reject) => {
			const timestamp = String(Math.floor(Date.now() / 1000));
			const sign = createHash('md5').update(`${ACCOUNT.apiKey}${ACCOUNT.apiSecret}${timestamp}`).digest('hex');
			const req = http.request(
				{ host: url.hostname, port: url.port, path: `/voice/recordGroup/${id}`, agent, headers: { 'Api-Key': ACCOUNT.apiKey, Timestamp: timestamp, Sign: sign } },
				(res) => {
					let body = '';
					res.on('data', (c) => (body += c));
					res.on('end', () => (JSON.parse(body).status === '0' ? resolve() : reject(new Error(body))));
				},
			);
			req.on('error', reject);
			req.end();
		});
	let next = 0;
	await Promise.all(Array.from({ length: concurrency }, async () => {
		while (next < n) await get(ids[next++]);
	}));
	agent.destroy();
	return n;
}

/** Row 2: the helper floor: per item, read the parameter and make one httpRequestWithAuthentication call. */
class HelperFloor {
	description = {
		displayName: 'Helper floor',
		name: 'helperFloor',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Helper floor' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'itniotechApi', required: true }],
		properties: [{ displayName: 'Voice ID', name: 'voiceId', type: 'string', default: '' }],
	};
	async execute() {
		const items = this.getInputData();
		const out = new Array(items.length);
		let next = 0;
		await Promise.all(Array.from({ length: concurrency }, async () => {
			while (next < items.length) {
				const i = next++;
				const voiceId = this.getNodeParameter('voiceId', i);
				const json = await this.helpers.httpRequestWithAuthentication.call(this, 'itniotechApi', {
					method: 'GET',
					url: `/voice/recordGroup/${voiceId}`,
					json: true,
				});
				out[i] = { json, pairedItem: { item: i } };
			}
		}));
		return [out];
	}
}

async function inEngine(nodeType, parameters, items) {
	const { runNode } = require('../test/harness/engine');
	const result = await runNode({ parameters, items, credentials, record: false, ...(nodeType ? { nodeType } : {}) });
	if (result.error) throw new Error(result.error.message);
	return result.items.length;
}

async function main() {
	const started = process.hrtime.bigint();
	let count;
	const items = ids.map((voiceId) => ({ json: { voiceId } }));
	if (scenario === 'bare') count = await bareClient();
	else if (scenario === 'floor') count = await inEngine(new HelperFloor(), { voiceId: '={{ $json.voiceId }}' }, items);
	else if (scenario === 'node')
		count = await inEngine(undefined, {
			resource: 'callRecord',
			operation: 'getGroupRecord',
			voiceId: '={{ $json.voiceId }}',
			options: {},
			batching: { concurrency },
		}, items);
	else if (scenario === 'paging')
		count = await inEngine(undefined, {
			resource: 'callRecord',
			operation: 'searchGroupRecords',
			from: new Date(Date.now() - 25 * 86400000).toISOString(),
			to: new Date().toISOString(),
			returnAll: true,
			options: {},
			batching: { concurrency },
		}, [{ json: {} }]);
	else throw new Error(`unknown scenario ${scenario}`);
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	process.stdout.write(`${JSON.stringify({ ms, items: count, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
