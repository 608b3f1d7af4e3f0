'use strict';
/**
 * The Itniotech Trigger in real n8n 2.41.1: the packed package installed as a community package, six trigger
 * workflows imported and published (four for call status reports, one for SMS delivery reports, one for inbound
 * SMS), `n8n start`, and pushes POSTed to their production URLs.
 * Checks every HTTP answer (the node's own, and those n8n gives before the node runs), which executions
 * started (n8n's REST API), that no rejected push started one, and the typed items in an execution.
 *
 * n8n runs with N8N_PROXY_HOPS=1 and this test plays the reverse proxy: a request without X-Forwarded-For
 * comes from 127.0.0.1 (not on the allow-list), one with it from the address the proxy appended last.
 * N8N_PAYLOAD_SIZE_MAX=1 (MB) keeps the oversized push small.
 */
const fs = require('node:fs');
const path = require('node:path');
const flatted = require('flatted');
const n8n = require('../../scripts/lib/n8n');
const { freePort, sleep } = require('../../scripts/lib/services');

jest.setTimeout(300_000);

const TRIGGER_NAME = 'Itniotech Trigger';
/** The URL path of each event (the voice one as before SMS events came). */
const EVENT_PATHS = { callStatus: 'itniotech-status', smsDelivery: 'itniotech-sms-delivery', smsInbound: 'itniotech-sms-inbound' };
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
const QUERY_TOKEN = 'push-token-0123456789abcdef';
const PATH_TOKEN = 'path-token-fedcba9876543210';

function triggerWorkflow(id, webhookId, parameters) {
	return {
		id,
		name: `Itniotech trigger: ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a1',
				name: TRIGGER_NAME,
				type: 'n8n-nodes-itniotech.itniotechVoiceTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters,
			},
			{ id: 'a2', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
		],
		connections: { [TRIGGER_NAME]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
}

const WORKFLOWS = {
	open: triggerWorkflow('ItnioTrigOpen001', '6f1c2d3e-4a5b-4c6d-8e7f-001122334455', { authentication: 'none' }),
	query: triggerWorkflow('ItnioTrigQuery01', '4d2a1f3e-9b8c-4e7d-a6f5-0c1b2a3d4e5f', {
		authentication: 'queryToken',
		token: QUERY_TOKEN,
		answered: 'notAnswered',
	}),
	path: triggerWorkflow('ItnioTrigPath001', '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', { authentication: 'pathToken', token: PATH_TOKEN }),
	allow: triggerWorkflow('ItnioTrigAllow01', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', {
		allowedIps: '203.0.113.10, 198.51.100.0/24',
	}),
	smsDlr: triggerWorkflow('ItnioTrigSmsDlr1', '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', {
		event: 'smsDelivery',
		authentication: 'queryToken',
		token: QUERY_TOKEN,
		deliveryStatus: 'failed',
	}),
	smsMo: triggerWorkflow('ItnioTrigSmsMo01', '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', { event: 'smsInbound' }),
};

/** A report as the vendor pushes it: times in epoch milliseconds. */
const report = (voiceId, answered = true) => ({
	voiceId,
	type: 1,
	callee: '91856321412',
	displayNum: '1008122211',
	submitTime: 1642488160000,
	callTime: 1642488165000,
	ringingTime: 1642488167000,
	answerTime: answered ? 1642488170000 : 0,
	hangupTime: 1642488175000,
	callDuration: answered ? 5 : 0,
	chargedDuration: answered ? 20 : 0,
	cost: '2',
	rate: '1.2',
	sipCode: 200,
	terminationCode: answered ? '200' : '480',
	terminationReason: answered ? 'success' : 'no answer',
});

/** A delivery report as the vendor pushes it (Onbuka sample: "orderId " with a trailing space). */
const deliveryReport = (msgid, status) => ({
	appId: '7xQp2LmA',
	msgid,
	mobile: '6281234567001',
	status,
	reason: status === 0 ? '0' : 'UNDELIV',
	timestamp: 1715566867000,
	'orderId ': 'ord-1001',
	mcc: '510',
	mnc: '10',
	pricedetail: { pay: '0.02', currency: 'USD', chargeCnt: 2, price: '0.01' },
});

/** An inbound SMS as the Itniotech sample has it: `mcn` for mnc, reply_time without a zone. */
const inboundMessage = (msgid) => ({
	msgid,
	mobile: '6281234567001',
	reply_time: '2024-05-13 10:25:40',
	content: 'STOP',
	sendid: '6281100000001',
	mcc: 510,
	mcn: 10,
	operator: 'Indonesia',
	pricedetail: { pay: '0.01', currency: 'USD', chargeCnt: 1, price: '0.01' },
});

/** The ID a typed item is known by: voiceId for calls, msgId for SMS. */
const idOf = (item) => item.voiceId ?? item.msgId;

let runtime;
let userFolder;
let server;
let session;
const urls = {};
/** IDs (voiceId, msgId) the trigger should hand to the workflow, per workflow, one list per push. */
const expectedStarts = Object.fromEntries(Object.keys(WORKFLOWS).map((key) => [key, []]));

async function post(url, body, headers = {}) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: response.status, body: json };
}

/** n8n says it is ready before it has registered the webhooks of active workflows: wait for that, with a push the node refuses. */
async function waitUntilRegistered(url, body, headers) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const response = await post(url, body, headers);
		if (response.status !== 404) return response;
		if (Date.now() > deadline) throw new Error(`webhook ${url} not registered: ${JSON.stringify(response.body)}`);
		await sleep(250);
	}
}

async function rest(pathAndQuery) {
	const response = await fetch(`${server.baseUrl}/rest/${pathAndQuery}`, { headers: { cookie: session.cookie } });
	if (!response.ok) throw new Error(`GET /rest/${pathAndQuery}: HTTP ${response.status} ${await response.text()}`);
	return (await response.json()).data;
}

async function executionsOf(workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (await rest(`executions?filter=${filter}&limit=100`)).results;
}

/** The items the trigger handed to the workflow in one execution. */
async function triggerItems(executionId) {
	const execution = await rest(`executions/${executionId}`);
	const data = flatted.parse(execution.data);
	return data.resultData.runData[TRIGGER_NAME][0].data.main[0].map((item) => item.json);
}

beforeAll(async () => {
	runtime = n8n.ensureRuntime({ quiet: true });
	userFolder = n8n.packedUserFolder('itniotech-trigger-n8n-');
	for (const workflow of Object.values(WORKFLOWS)) {
		const file = n8n.writeJson(path.join(userFolder, 'import', `${workflow.id}.json`), workflow);
		for (const args of [['import:workflow', `--input=${file}`], ['publish:workflow', `--id=${workflow.id}`]]) {
			const result = await n8n.n8nCommand(runtime, userFolder, args);
			if (result.status !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
		}
	}
	server = await n8n.startServer(runtime, userFolder, {
		port: await freePort(),
		extraEnv: { N8N_PROXY_HOPS: '1', N8N_PAYLOAD_SIZE_MAX: '1' },
	});
	session = await n8n.ownerSession(server.baseUrl);
	for (const [key, workflow] of Object.entries(WORKFLOWS)) {
		const event = workflow.nodes[0].parameters.event ?? 'callStatus';
		urls[key] = `${server.baseUrl}/webhook/${workflow.nodes[0].webhookId}/${EVENT_PATHS[event]}`;
	}
	// Each probe is a push the node refuses, so it starts nothing.
	expect((await waitUntilRegistered(urls.open, [])).status).toBe(400);
	expect((await waitUntilRegistered(`${urls.query}?token=wrong`, [report('no-probe-query')])).status).toBe(401);
	expect((await waitUntilRegistered(`${urls.path}/wrong`, [report('no-probe-path')])).status).toBe(401);
	expect((await waitUntilRegistered(urls.allow, [report('no-probe-allow')])).status).toBe(403);
	expect((await waitUntilRegistered(`${urls.smsDlr}?token=wrong`, deliveryReport('no-probe-dlr', 1))).status).toBe(401);
	expect((await waitUntilRegistered(urls.smsMo, [])).status).toBe(400);
});

afterAll(async () => {
	await n8n.stopServer(server);
	if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
});

test('one report, sent as the vendor sends it: 200 { received: 1, accepted: 1 }', async () => {
	const response = await post(urls.open, report('ok-single'), { 'Content-Type': 'application/json;charset=UTF-8' });
	expect(response).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	expectedStarts.open.push(['ok-single']);
});

test('a batch (JSON array): 200, one start with one item per report', async () => {
	const response = await post(urls.open, [report('ok-batch-1'), report('ok-batch-2', false), report('ok-batch-3')]);
	expect(response).toEqual({ status: 200, body: { received: 3, accepted: 3 } });
	expectedStarts.open.push(['ok-batch-1', 'ok-batch-2', 'ok-batch-3']);
});

test('token in the query: wrong or missing → 401; right → 200, with the Answered filter applied', async () => {
	expect(await post(`${urls.query}?token=wrong`, [report('no-query-wrong')])).toEqual({
		status: 401,
		body: { error: 'Missing or wrong token' },
	});
	expect((await post(urls.query, [report('no-query-missing')])).status).toBe(401);
	expect((await post(`${urls.query}?token=${QUERY_TOKEN}&token=${QUERY_TOKEN}`, [report('no-query-twice')])).status).toBe(401);
	const accepted = await post(`${urls.query}?token=${QUERY_TOKEN}`, [report('no-query-answered'), report('ok-query-unanswered', false)]);
	expect(accepted).toEqual({ status: 200, body: { received: 2, accepted: 1 } });
	expectedStarts.query.push(['ok-query-unanswered']);
});

test('token in the URL path: the URL n8n shows works with the right token; a wrong or missing one does not', async () => {
	expect(await post(`${urls.path}/nope`, report('no-path-wrong'))).toEqual({ status: 401, body: { error: 'Missing or wrong token' } });
	// Without the token segment the URL is not the trigger's at all.
	expect((await post(urls.path, report('no-path-missing'))).status).toBe(404);
	expect(await post(`${urls.path}/${PATH_TOKEN}`, report('ok-path'))).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	expectedStarts.path.push(['ok-path']);
});

test('source IP allow-list behind a proxy (N8N_PROXY_HOPS=1): only listed addresses and ranges get in', async () => {
	const refused = { status: 403, body: { error: 'This source IP address is not allowed' } };
	// Straight from 127.0.0.1, not through the proxy.
	expect(await post(urls.allow, report('no-ip-direct'))).toEqual(refused);
	expect(await post(urls.allow, report('no-ip-outside'), { 'X-Forwarded-For': '192.0.2.5' })).toEqual(refused);
	// A client that writes a listed address into the header itself: the proxy appends the real one, which counts.
	expect(await post(urls.allow, report('no-ip-spoofed'), { 'X-Forwarded-For': '203.0.113.10, 192.0.2.5' })).toEqual(refused);
	const listed = await post(urls.allow, report('ok-ip-listed'), { 'X-Forwarded-For': '203.0.113.10' });
	expect(listed).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	const inRange = await post(urls.allow, report('ok-ip-range'), { 'X-Forwarded-For': '198.51.100.77' });
	expect(inRange).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	expectedStarts.allow.push(['ok-ip-listed'], ['ok-ip-range']);
});

test('SMS delivery reports, the Onbuka sample in an {"array": […]} wrapper: token checked, Only Failed Deliveries applied', async () => {
	expect(await post(`${urls.smsDlr}?token=wrong`, deliveryReport('no-dlr-wrong', 1))).toEqual({
		status: 401,
		body: { error: 'Missing or wrong token' },
	});
	const body = { array: [deliveryReport('no-dlr-delivered', 0), deliveryReport('ok-dlr-failed', 1)] };
	const response = await post(`${urls.smsDlr}?token=${QUERY_TOKEN}`, body, { 'Content-Type': 'application/json;charset=UTF-8' });
	expect(response).toEqual({ status: 200, body: { received: 2, accepted: 1 } });
	// Only delivered reports: answered, nothing started.
	expect(await post(`${urls.smsDlr}?token=${QUERY_TOKEN}`, deliveryReport('no-dlr-only-delivered', 0))).toEqual({
		status: 200,
		body: { received: 1, accepted: 0 },
	});
	expectedStarts.smsDlr.push(['ok-dlr-failed']);
});

test('inbound SMS, one object as the vendor sends it: 200; a delivery report sent to its URL is refused', async () => {
	const response = await post(urls.smsMo, inboundMessage('ok-mo-1'), { 'Content-Type': 'application/json;charset=UTF-8' });
	expect(response).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	expectedStarts.smsMo.push(['ok-mo-1']);
	const wrongPush = await post(urls.smsMo, deliveryReport('no-mo-dlr', 0));
	expect(wrongPush.status).toBe(400);
	expect(wrongPush.body.error).toMatch(/Message 0 is not an inbound message/);
});

test('a body that is not valid JSON: n8n answers 422 before the node runs', async () => {
	const response = await post(urls.open, '{"voiceId": "no-broken-json",');
	expect(response.status).toBe(422);
	expect(response.body).toMatchObject({ code: 422, message: 'Failed to parse request body' });
});

test('a body over N8N_PAYLOAD_SIZE_MAX: n8n answers 500 before the node runs', async () => {
	const body = JSON.stringify([{ ...report('no-too-large'), calledInfo: 'x'.repeat(1024 * 1024) }]);
	const response = await post(urls.open, body);
	expect(response.status).toBe(500);
	expect(response.body).toMatchObject({ code: 0, message: 'There was a problem executing the workflow' });
});

test.each([
	['JSON sent as text/plain', JSON.stringify(report('no-text-plain')), { 'Content-Type': 'text/plain' }, /must be JSON, sent with Content-Type: application\/json/],
	['form data', 'voiceId=no-form', { 'Content-Type': 'application/x-www-form-urlencoded' }, /must be JSON/],
	['an empty body', '', {}, /The push is empty/],
	['an empty list', '[]', {}, /empty list of reports/],
	['not report objects', JSON.stringify([{ hello: 'no-shape' }]), {}, /Report 0 is not a status report/],
	['a batch with one bad report', JSON.stringify([report('no-bad-batch'), 'x']), {}, /Report 1 is not a status report/],
	['too many reports', JSON.stringify(Array.from({ length: 1001 }, (_, i) => report(`no-many-${i}`))), {}, /more than 1000 reports/],
])('the node refuses %s: 400 with the reason', async (_name, body, headers, reason) => {
	const response = await post(urls.open, body, headers);
	expect(response.status).toBe(400);
	expect(response.body.error).toMatch(reason);
});

test('executions: exactly one per accepted push, none for a refused one; epoch-millisecond times are typed', async () => {
	// A last accepted push: once its execution has finished, every earlier push has had its chance to start one.
	expect((await post(urls.open, report('ok-last'))).status).toBe(200);
	expectedStarts.open.push(['ok-last']);

	const expectedCount = Object.values(expectedStarts).reduce((n, pushes) => n + pushes.length, 0);
	const deadline = Date.now() + 60_000;
	let executions;
	for (;;) {
		executions = [];
		for (const [key, workflow] of Object.entries(WORKFLOWS)) {
			for (const execution of await executionsOf(workflow.id)) executions.push({ key, ...execution });
		}
		if (executions.length >= expectedCount && executions.every((e) => FINISHED.has(e.status))) break;
		if (Date.now() > deadline) throw new Error(`executions did not finish: ${JSON.stringify(executions)}`);
		await sleep(500);
	}

	const started = Object.fromEntries(Object.keys(WORKFLOWS).map((key) => [key, []]));
	const itemsById = {};
	for (const execution of executions) {
		expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
		const items = await triggerItems(execution.id);
		started[execution.key].push(items.map(idOf));
		for (const item of items) itemsById[idOf(item)] = item;
	}
	const sorted = (pushes) => pushes.map((ids) => ids.join(',')).sort();
	for (const key of Object.keys(WORKFLOWS)) expect({ [key]: sorted(started[key]) }).toEqual({ [key]: sorted(expectedStarts[key]) });
	expect(Object.keys(itemsById).filter((id) => !id.startsWith('ok-'))).toEqual([]);

	// The report's epoch milliseconds arrive as ISO 8601 (UTC) in the execution's output.
	expect(itemsById['ok-single']).toMatchObject({
		voiceId: 'ok-single',
		type: 1,
		typeLabel: 'group call',
		submitTime: '2022-01-18T06:42:40.000Z',
		callTime: '2022-01-18T06:42:45.000Z',
		ringingTime: '2022-01-18T06:42:47.000Z',
		answerTime: '2022-01-18T06:42:50.000Z',
		hangupTime: '2022-01-18T06:42:55.000Z',
		callDuration: 5,
		chargedDuration: 20,
		cost: 2,
		rate: 1.2,
		sipCode: '200',
	});
	// SMS pushes: the delivery report's msgid as msgId, epoch ms as ISO 8601, trimmed keys, typed status and
	// money; the inbound message's zone-less reply_time read as +08:00 and mcn as mnc.
	expect(itemsById['ok-dlr-failed']).toEqual({
		msgId: 'ok-dlr-failed',
		number: '6281234567001',
		status: 'failed',
		statusCode: 1,
		reason: 'UNDELIV',
		timestamp: '2024-05-13T02:21:07.000Z',
		orderId: 'ord-1001',
		appId: '7xQp2LmA',
		mcc: '510',
		mnc: '10',
		price: 0.01,
		chargeCnt: 2,
		pay: 0.02,
		currency: 'USD',
	});
	expect(itemsById['ok-mo-1']).toEqual({
		msgId: 'ok-mo-1',
		number: '6281234567001',
		sendId: '6281100000001',
		receiveTime: '2024-05-13T10:25:40+08:00',
		content: 'STOP',
		mcc: '510',
		mnc: '10',
		operator: 'Indonesia',
		price: 0.01,
		chargeCnt: 1,
		pay: 0.01,
		currency: 'USD',
	});
});
