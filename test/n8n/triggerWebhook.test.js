'use strict';
/**
 * The Itniotech Voice Trigger and Itniotech SMS Trigger in real n8n 2.41.1: the packed package installed as a
 * community package, trigger workflows imported and published (call status reports, SMS delivery reports, inbound
 * SMS, one for hostile pushes), `n8n start`, and pushes POSTed to their production URLs.
 * Checks every HTTP answer (the node's own, and those n8n gives before the node runs), which executions
 * started (n8n's REST API), that no rejected push started one, and the typed items in an execution.
 *
 * Activation refused: n8n 2.41.1 publishes a workflow in the background (its publication outbox), so a trigger
 * whose checkExists hook throws is reported by GET /rest/workflows/:id/publication-status as `failed`, with the
 * node's message (the editor shows it), and gets no webhook (404). That holds for a workflow published before start
 * (a malformed allow-list) and for one published through the REST API as the editor's Publish does (a short token:
 * that request itself answers 200). A new trigger without a token is refused by n8n's own check of the required
 * Token field: that Publish answers 400. A publication takes up to about 15 s to be reported.
 *
 * n8n runs with N8N_PROXY_HOPS=1 and this test plays the reverse proxy: a request without X-Forwarded-For
 * comes from 127.0.0.1 (not on the allow-list), one with it from the address the proxy appended last.
 * N8N_PAYLOAD_SIZE_MAX=1 (MB) keeps the oversized push small.
 */
const flatted = require('flatted');
const { sleep } = require('../../scripts/lib/services');
const { useRealN8n, postPush } = require('../helpers');

jest.setTimeout(300_000);

const TRIGGERS = {
	voice: { name: 'Itniotech Voice Trigger', type: 'n8n-nodes-itniotech.itniotechVoiceTrigger' },
	sms: { name: 'Itniotech SMS Trigger', type: 'n8n-nodes-itniotech.itniotechSmsTrigger' },
};
/** The SMS Trigger has the Event field (delivery reports, inbound SMS); the Voice Trigger has none. */
const triggerOf = (parameters) => ('event' in parameters ? TRIGGERS.sms : TRIGGERS.voice);
/** The URL path of each event (the voice one as before SMS events came). */
const EVENT_PATHS = {
	callStatus: 'itniotech-status',
	smsDelivery: 'itniotech-sms-delivery',
	smsInbound: 'itniotech-sms-inbound',
};
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
const QUERY_TOKEN = 'push-token-0123456789abcdef';
const PATH_TOKEN = 'path-token-fedcba9876543210';

/**
 * IDs must be digits, so each push a test names (ok-… should start the workflow, no-… should not) gets a
 * 19-digit ID like the vendor's, and an item's ID leads back to that name.
 */
const idsByName = new Map();
const namesById = new Map();
function idFor(name) {
	if (!idsByName.has(name)) {
		const id = `22030311${String(idsByName.size + 1).padStart(11, '0')}`;
		idsByName.set(name, id);
		namesById.set(id, name);
	}
	return idsByName.get(name);
}

function triggerWorkflow(id, webhookId, parameters) {
	const { name, type } = triggerOf(parameters);
	return {
		id,
		name: `Itniotech trigger: ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a1',
				name,
				type,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters,
			},
			{
				id: 'a2',
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { [name]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
}

/** Trigger → Remove Duplicates on {{ $json.dedupeKey }} → Done: the README's way of dropping repeats. */
function dedupeWorkflow(id, webhookId, parameters) {
	const workflow = triggerWorkflow(id, webhookId, parameters);
	workflow.nodes.push({
		id: 'a3',
		name: 'Remove Duplicates',
		type: 'n8n-nodes-base.removeDuplicates',
		typeVersion: 2,
		position: [120, 0],
		parameters: {
			operation: 'removeItemsSeenInPreviousExecutions',
			logic: 'removeItemsWithAlreadySeenKeyValues',
			dedupeValue: '={{ $json.dedupeKey }}',
		},
	});
	workflow.connections = {
		[workflow.nodes[0].name]: { main: [[{ node: 'Remove Duplicates', type: 'main', index: 0 }]] },
		'Remove Duplicates': { main: [[{ node: 'Done', type: 'main', index: 0 }]] },
	};
	return workflow;
}

/** Published before n8n starts; each one's webhook is registered (probed below) and its executions counted. */
const WORKFLOWS = {
	open: triggerWorkflow('ItnioTrigOpen001', '6f1c2d3e-4a5b-4c6d-8e7f-001122334455', {
		authentication: 'none',
	}),
	query: triggerWorkflow('ItnioTrigQuery01', '4d2a1f3e-9b8c-4e7d-a6f5-0c1b2a3d4e5f', {
		authentication: 'queryToken',
		token: QUERY_TOKEN,
		answered: 'notAnswered',
	}),
	path: triggerWorkflow('ItnioTrigPath001', '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', {
		authentication: 'pathToken',
		token: PATH_TOKEN,
	}),
	allow: triggerWorkflow('ItnioTrigAllow01', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', {
		authentication: 'none',
		options: { allowedIps: '203.0.113.10, 198.51.100.0/24, 2001:db8::/32' },
	}),
	smsDlr: triggerWorkflow('ItnioTrigSmsDlr1', '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', {
		event: 'smsDelivery',
		authentication: 'queryToken',
		token: QUERY_TOKEN,
		deliveryStatus: 'failed',
	}),
	smsMo: triggerWorkflow('ItnioTrigSmsMo01', '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', {
		event: 'smsInbound',
		authentication: 'none',
	}),
	hostile: triggerWorkflow('ItnioTrigHostile', '9c0d1e2f-3a4b-4c5d-9e6f-7a8b9c0d1e2f', {
		authentication: 'queryToken',
		token: QUERY_TOKEN,
	}),
	dedupe: dedupeWorkflow('ItnioTrigDedupe1', 'e03b4c5d-6e7f-4a8b-9c9d-0e1f2a3b4c5d', {
		authentication: 'queryToken',
		token: QUERY_TOKEN,
	}),
};
/** Published too, but its allow-list is malformed: n8n fails to activate it at start-up. */
const BAD_ALLOW_LIST = triggerWorkflow('ItnioTrigBadList', 'ad0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a', {
	authentication: 'none',
	options: { allowedIps: '203.0.113.10, 198.51.100.0/' },
});
/** Imported only, then activated through the REST API as the editor's Publish button does. */
const UNPUBLISHED = {
	shortToken: triggerWorkflow('ItnioTrigShortTk', 'be1f2a3b-4c5d-4e6f-9a7b-8c9d0e1f2a3b', {
		authentication: 'queryToken',
		token: 'a',
	}),
	noToken: triggerWorkflow('ItnioTrigNoToken', 'cf2a3b4c-5d6e-4f7a-8b8c-9d0e1f2a3b4c', {}),
	smsNoToken: triggerWorkflow('ItnioTrigSmsNoTk', 'd03b4c5d-6e7f-4a8b-9c9d-0e1f2a3b4c5e', {
		event: 'smsInbound',
	}),
};

/** A report as the vendor pushes it: times in epoch milliseconds. */
const report = (name, answered = true) => ({
	voiceId: idFor(name),
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
const deliveryReport = (name, status) => ({
	appId: '7xQp2LmA',
	msgid: idFor(name),
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
const inboundMessage = (name) => ({
	msgid: idFor(name),
	mobile: '6281234567001',
	reply_time: '2024-05-13 10:25:40',
	content: 'STOP',
	sendid: '6281100000001',
	mcc: 510,
	mcn: 10,
	operator: 'Indonesia',
	pricedetail: { pay: '0.01', currency: 'USD', chargeCnt: 1, price: '0.01' },
});

/** The name of the push a typed item came from, by its ID: voiceId for calls, msgId for SMS. */
const nameOf = (item) =>
	namesById.get(item.voiceId ?? item.msgId) ?? `unknown ID ${item.voiceId ?? item.msgId}`;

const PUBLISHED = [...Object.values(WORKFLOWS), BAD_ALLOW_LIST];
const { server, session } = useRealN8n('itniotech-trigger-n8n-', {
	imports: () => ({
		workflows: [...PUBLISHED, ...Object.values(UNPUBLISHED)],
		publish: PUBLISHED.map((workflow) => workflow.id),
	}),
	serverEnv: { N8N_PROXY_HOPS: '1', N8N_PAYLOAD_SIZE_MAX: '1' },
});
const urls = {};
/** IDs (voiceId, msgId) the trigger should hand to the workflow, per workflow, one list per push. */
const expectedStarts = Object.fromEntries(Object.keys(WORKFLOWS).map((key) => [key, []]));

const post = (url, body, headers) => postPush(url, body, 'application/json', headers);

/** n8n says it is ready before it has registered the webhooks of active workflows: wait for that, with a push the node refuses. */
async function waitUntilRegistered(url, body, headers) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const response = await post(url, body, headers);
		if (response.status !== 404) return response;
		if (Date.now() > deadline)
			throw new Error(`webhook ${url} not registered: ${JSON.stringify(response.body)}`);
		await sleep(250);
	}
}

async function rest(pathAndQuery) {
	const response = await fetch(`${server.baseUrl}/rest/${pathAndQuery}`, {
		headers: { cookie: session.cookie },
	});
	if (!response.ok)
		throw new Error(`GET /rest/${pathAndQuery}: HTTP ${response.status} ${await response.text()}`);
	return (await response.json()).data;
}

/** How n8n's background publication of a workflow ended: { status, triggers: [{ nodeId, status, errorMessage }] }. */
async function publicationOutcome(workflowId) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const outcome = await rest(`workflows/${workflowId}/publication-status`);
		if (outcome.status !== 'in_progress') return outcome;
		if (Date.now() > deadline)
			throw new Error(`publication of ${workflowId} did not finish: ${JSON.stringify(outcome)}`);
		await sleep(250);
	}
}

/** What the editor's Publish button does: POST /rest/workflows/:id/activate with the version to publish. */
async function activateThroughRest(workflowId) {
	const { versionId } = await rest(`workflows/${workflowId}`);
	const response = await fetch(`${server.baseUrl}/rest/workflows/${workflowId}/activate`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', cookie: session.cookie },
		body: JSON.stringify({ versionId }),
	});
	return { status: response.status, body: await response.json() };
}

async function executionsOf(workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (await rest(`executions?filter=${filter}&limit=100`)).results;
}

/** The items a node (the workflow's trigger unless named) output in one execution. */
async function nodeItems(executionId, nodeName) {
	const execution = await rest(`executions/${executionId}`);
	const { runData } = flatted.parse(execution.data).resultData;
	const name = nodeName ?? Object.values(TRIGGERS).find((trigger) => trigger.name in runData).name;
	return (runData[name][0].data.main[0] ?? []).map((item) => item.json);
}
const triggerItems = (executionId) => nodeItems(executionId);

/** The workflow's first `count` executions once all have finished, oldest first. */
async function finishedExecutions(workflowId, count) {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const executions = await executionsOf(workflowId);
		if (executions.length >= count && executions.every((e) => FINISHED.has(e.status))) {
			return executions.sort((a, b) => Number(a.id) - Number(b.id)).slice(0, count);
		}
		if (Date.now() > deadline)
			throw new Error(
				`${workflowId}: ${count} executions did not finish: ${JSON.stringify(executions)}`,
			);
		await sleep(250);
	}
}

beforeAll(async () => {
	for (const [key, workflow] of [
		...Object.entries(WORKFLOWS),
		['badList', BAD_ALLOW_LIST],
		...Object.entries(UNPUBLISHED),
	]) {
		const event = workflow.nodes[0].parameters.event ?? 'callStatus';
		urls[key] = `${server.baseUrl}/webhook/${workflow.nodes[0].webhookId}/${EVENT_PATHS[event]}`;
	}
	// Each probe is a push the node refuses, so it starts nothing.
	expect((await waitUntilRegistered(urls.open, [])).status).toBe(400);
	expect(
		(await waitUntilRegistered(`${urls.query}?token=wrong`, [report('no-probe-query')])).status,
	).toBe(401);
	expect((await waitUntilRegistered(`${urls.path}/wrong`, [report('no-probe-path')])).status).toBe(
		401,
	);
	expect((await waitUntilRegistered(urls.allow, [report('no-probe-allow')])).status).toBe(403);
	expect(
		(await waitUntilRegistered(`${urls.smsDlr}?token=wrong`, deliveryReport('no-probe-dlr', 1)))
			.status,
	).toBe(401);
	expect((await waitUntilRegistered(urls.smsMo, [])).status).toBe(400);
	expect(
		(await waitUntilRegistered(`${urls.hostile}?token=wrong`, [report('no-probe-hostile')])).status,
	).toBe(401);
	expect(
		(await waitUntilRegistered(`${urls.dedupe}?token=wrong`, [report('no-probe-dedupe')])).status,
	).toBe(401);
});

test('one report, sent as the vendor sends it: 200 { received: 1, accepted: 1 }', async () => {
	const response = await post(urls.open, report('ok-single'), {
		'Content-Type': 'application/json;charset=UTF-8',
	});
	expect(response).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	expectedStarts.open.push(['ok-single']);
});

test('a batch (JSON array): 200, one start with one item per report', async () => {
	const response = await post(urls.open, [
		report('ok-batch-1'),
		report('ok-batch-2', false),
		report('ok-batch-3'),
	]);
	expect(response).toEqual({ status: 200, body: { received: 3, accepted: 3 } });
	expectedStarts.open.push(['ok-batch-1', 'ok-batch-2', 'ok-batch-3']);
});

test('token in the query: wrong or missing → 401; right → 200, with the Answered filter applied', async () => {
	expect(await post(`${urls.query}?token=wrong`, [report('no-query-wrong')])).toEqual({
		status: 401,
		body: { error: 'Missing or wrong token' },
	});
	expect((await post(urls.query, [report('no-query-missing')])).status).toBe(401);
	expect(
		(
			await post(`${urls.query}?token=${QUERY_TOKEN}&token=${QUERY_TOKEN}`, [
				report('no-query-twice'),
			])
		).status,
	).toBe(401);
	const accepted = await post(`${urls.query}?token=${QUERY_TOKEN}`, [
		report('no-query-answered'),
		report('ok-query-unanswered', false),
	]);
	expect(accepted).toEqual({ status: 200, body: { received: 2, accepted: 1 } });
	expectedStarts.query.push(['ok-query-unanswered']);
});

test('token in the URL path: the URL n8n shows works with the right token; a wrong or missing one does not', async () => {
	expect(await post(`${urls.path}/nope`, report('no-path-wrong'))).toEqual({
		status: 401,
		body: { error: 'Missing or wrong token' },
	});
	// Without the token segment the URL is not the trigger's at all.
	expect((await post(urls.path, report('no-path-missing'))).status).toBe(404);
	expect(await post(`${urls.path}/${PATH_TOKEN}`, report('ok-path'))).toEqual({
		status: 200,
		body: { received: 1, accepted: 1 },
	});
	expectedStarts.path.push(['ok-path']);
});

test('source IP allow-list behind a proxy (N8N_PROXY_HOPS=1): only listed addresses and ranges get in', async () => {
	const refused = { status: 403, body: { error: 'This source IP address is not allowed' } };
	// Straight from 127.0.0.1, not through the proxy.
	expect(await post(urls.allow, report('no-ip-direct'))).toEqual(refused);
	expect(
		await post(urls.allow, report('no-ip-outside'), { 'X-Forwarded-For': '192.0.2.5' }),
	).toEqual(refused);
	// A client that writes a listed address into the header itself: the proxy appends the real one, which counts.
	expect(
		await post(urls.allow, report('no-ip-spoofed'), {
			'X-Forwarded-For': '203.0.113.10, 192.0.2.5',
		}),
	).toEqual(refused);
	const listed = await post(urls.allow, report('ok-ip-listed'), {
		'X-Forwarded-For': '203.0.113.10',
	});
	expect(listed).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	const inRange = await post(urls.allow, report('ok-ip-range'), {
		'X-Forwarded-For': '198.51.100.77',
	});
	expect(inRange).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	// An IPv4 client as a dual-stack proxy reports it, and IPv6 clients inside and outside the listed range.
	const mapped = await post(urls.allow, report('ok-ip-mapped'), {
		'X-Forwarded-For': '::ffff:198.51.100.78',
	});
	expect(mapped).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	const ipv6 = await post(urls.allow, report('ok-ip-v6'), { 'X-Forwarded-For': '2001:db8:1::5' });
	expect(ipv6).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	expect(
		await post(urls.allow, report('no-ip-v6-outside'), { 'X-Forwarded-For': '2001:db9::5' }),
	).toEqual(refused);
	expectedStarts.allow.push(['ok-ip-listed'], ['ok-ip-range'], ['ok-ip-mapped'], ['ok-ip-v6']);
});

/** The webhook of a workflow whose activation failed: n8n has none, so a push is not the trigger's (404). */
const pushTo = (key) =>
	post(`${urls[key]}?token=a`, report(`no-push-${key}`), { 'X-Forwarded-For': '192.0.2.5' });

test('activation: a workflow published with a malformed allow-list entry fails to activate; n8n shows why, has no webhook', async () => {
	expect(await publicationOutcome(BAD_ALLOW_LIST.id)).toMatchObject({
		status: 'failed',
		triggers: [
			{
				nodeId: 'a1',
				status: 'failed',
				errorMessage: 'Allowed Source IPs: "198.51.100.0/" is not an IP address or range',
			},
		],
	});
	expect(server.output()).toContain(
		'Allowed Source IPs: "198.51.100.0/" is not an IP address or range',
	);
	// It once admitted every IPv4 address; now nothing reaches it.
	expect((await pushTo('badList')).status).toBe(404);
});

test("activation through the REST API (the editor's Publish) with a 1-character token: failed, naming Token and 16; no webhook", async () => {
	expect((await activateThroughRest(UNPUBLISHED.shortToken.id)).status).toBe(200); // n8n publishes in the background
	expect(await publicationOutcome(UNPUBLISHED.shortToken.id)).toMatchObject({
		status: 'failed',
		triggers: [
			{
				nodeId: 'a1',
				status: 'failed',
				errorMessage: 'The Token must be at least 16 characters long (it has 1)',
			},
		],
	});
	expect((await pushTo('shortToken')).status).toBe(404);
});

test.each([
	['noToken', 'Itniotech Voice Trigger'],
	['smsNoToken', 'Itniotech SMS Trigger'],
])(
	'%s: a new trigger without a token (the default is a token) cannot be published: 400 from n8n, the workflow stays inactive',
	async (key, nodeName) => {
		const response = await activateThroughRest(UNPUBLISHED[key].id);
		expect(response.status).toBe(400);
		expect(response.body.message).toMatch(
			new RegExp(`Node "${nodeName}":\\s+- Missing or invalid required parameters: token`),
		);
		expect(await rest(`workflows/${UNPUBLISHED[key].id}`)).toMatchObject({
			active: false,
			activeVersionId: null,
		});
		expect((await pushTo(key)).status).toBe(404);
	},
);

test('SMS delivery reports, the Onbuka sample in an {"array": […]} wrapper: token checked, Only Failed Deliveries applied', async () => {
	expect(await post(`${urls.smsDlr}?token=wrong`, deliveryReport('no-dlr-wrong', 1))).toEqual({
		status: 401,
		body: { error: 'Missing or wrong token' },
	});
	const body = {
		array: [deliveryReport('no-dlr-delivered', 0), deliveryReport('ok-dlr-failed', 1)],
	};
	const response = await post(`${urls.smsDlr}?token=${QUERY_TOKEN}`, body, {
		'Content-Type': 'application/json;charset=UTF-8',
	});
	expect(response).toEqual({ status: 200, body: { received: 2, accepted: 1 } });
	// Only delivered reports: answered, nothing started.
	expect(
		await post(`${urls.smsDlr}?token=${QUERY_TOKEN}`, deliveryReport('no-dlr-only-delivered', 0)),
	).toEqual({
		status: 200,
		body: { received: 1, accepted: 0 },
	});
	expectedStarts.smsDlr.push(['ok-dlr-failed']);
});

test('inbound SMS, one object as the vendor sends it: 200; a delivery report sent to its URL is refused', async () => {
	const response = await post(urls.smsMo, inboundMessage('ok-mo-1'), {
		'Content-Type': 'application/json;charset=UTF-8',
	});
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
	expect(response.body).toMatchObject({
		code: 0,
		message: 'There was a problem executing the workflow',
	});
});

test.each([
	[
		'JSON sent as text/plain',
		JSON.stringify(report('no-text-plain')),
		{ 'Content-Type': 'text/plain' },
		/must be JSON, sent with Content-Type: application\/json/,
	],
	[
		'form data',
		'voiceId=no-form',
		{ 'Content-Type': 'application/x-www-form-urlencoded' },
		/must be JSON/,
	],
	['an empty body', '', {}, /The push is empty/],
	['an empty list', '[]', {}, /empty list of reports/],
	[
		'not report objects',
		JSON.stringify([{ hello: 'no-shape' }]),
		{},
		/Report 0 is not a status report/,
	],
	[
		'a batch with one bad report',
		JSON.stringify([report('no-bad-batch'), 'x']),
		{},
		/Report 1 is not a status report/,
	],
	[
		'too many reports',
		JSON.stringify(Array.from({ length: 1001 }, (_, i) => report(`no-many-${i}`))),
		{},
		/more than 1000 reports/,
	],
])('the node refuses %s: 400 with the reason', async (_name, body, headers, reason) => {
	const response = await post(urls.open, body, headers);
	expect(response.status).toBe(400);
	expect(response.body.error).toMatch(reason);
});

/** JSON text of a report whose field `name` holds `json` (raw JSON text, e.g. 100,000 nested lists). */
const reportWith = (pushName, name, json) =>
	`{"voiceId":"${idFor(pushName)}","type":1,${JSON.stringify(name)}:${json}}`;
const nestedList = (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('hostile pushes: 400 with the item, the field and what is allowed, nothing started; the next valid push starts one', () => {
	const ID_RULE = 'allowed: a string of 1 to 64 digits (0-9)';
	test.each([
		[
			'a voiceId of null',
			JSON.stringify({ ...report('no-null'), voiceId: null }),
			`Report 0: field "voiceId" is missing; ${ID_RULE}`,
		],
		[
			'a voiceId of {}',
			JSON.stringify({ ...report('no-object'), voiceId: {} }),
			`Report 0: field "voiceId" is an object; ${ID_RULE}`,
		],
		[
			'a voiceId of 200,000 characters',
			JSON.stringify({ ...report('no-long'), voiceId: '1'.repeat(200_000) }),
			`Report 0: field "voiceId" is text of 200000 characters; ${ID_RULE}`,
		],
		[
			'an object where text belongs',
			JSON.stringify({ ...report('no-callee'), callee: { n: 1 } }),
			'Report 0: field "callee" is an object; allowed: text (up to 8192 characters), a number or null',
		],
		// Once saved as an execution n8n then could not show ("Found corrupted execution data").
		[
			'an unknown field nested 100,000 levels deep',
			reportWith('no-deep', 'deep', nestedList(100_000)),
			/^Report 0: field "deep" nests objects or lists more than 5 levels deep/,
		],
		[
			'50,000 unknown fields',
			JSON.stringify({
				...report('no-wide'),
				...Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])),
			}),
			/^Report 0: field "k\d+" is field 101 of the item; an item may have at most 100 fields$/,
		],
		[
			'invalid UTF-8',
			Buffer.concat([
				Buffer.from(`{"voiceId":"${idFor('no-utf8')}","calledInfo":"`),
				Buffer.from([0xc3, 0x28]),
				Buffer.from('"}'),
			]),
			'The push is not valid UTF-8: send JSON text encoded as UTF-8',
		],
	])('%s', async (name, body, reason) => {
		const refused = await post(`${urls.hostile}?token=${QUERY_TOKEN}`, body);
		expect(refused.status).toBe(400);
		if (typeof reason === 'string') expect(refused.body).toEqual({ error: reason });
		else expect(refused.body.error).toMatch(reason);
		const next = `ok-after-${name}`;
		expect(await post(`${urls.hostile}?token=${QUERY_TOKEN}`, report(next))).toEqual({
			status: 200,
			body: { received: 1, accepted: 1 },
		});
		expectedStarts.hostile.push([next]);
	});

	test('SMS: a delivery status of {} is refused (it passed Only Failed Deliveries); so is an inbound content nested 100,000 lists deep (it got 500)', async () => {
		const dlr = await post(`${urls.smsDlr}?token=${QUERY_TOKEN}`, {
			...deliveryReport('no-dlr-status-object', 1),
			status: {},
		});
		expect(dlr).toEqual({
			status: 400,
			body: {
				error:
					'Report 0: field "status" is an object; allowed: a status code (a number, or a short text such as "0")',
			},
		});
		const mo = await post(
			urls.smsMo,
			`{"msgid":"${idFor('no-mo-deep')}","mobile":"6281234567001","content":${nestedList(100_000)}}`,
		);
		expect(mo).toEqual({
			status: 400,
			body: {
				error: 'Message 0: field "content" is a list; allowed: text (up to 8192 characters)',
			},
		});
		expect(await post(urls.smsMo, inboundMessage('ok-mo-after-deep'))).toEqual({
			status: 200,
			body: { received: 1, accepted: 1 },
		});
		expectedStarts.smsMo.push(['ok-mo-after-deep']);
	});

	test("the README's recipe: Remove Duplicates on {{ $json.dedupeKey }} passes the first of two identical pushes, stops the repeat", async () => {
		const url = `${urls.dedupe}?token=${QUERY_TOKEN}`;
		expect((await post(url, report('ok-deduped'))).status).toBe(200);
		await finishedExecutions(WORKFLOWS.dedupe.id, 1);
		expect((await post(url, report('ok-deduped'))).status).toBe(200);
		const executions = await finishedExecutions(WORKFLOWS.dedupe.id, 2);
		const passed = [];
		for (const execution of executions)
			passed.push((await nodeItems(execution.id, 'Remove Duplicates')).map(nameOf));
		expect(passed).toEqual([['ok-deduped'], []]);
		expectedStarts.dedupe.push(['ok-deduped'], ['ok-deduped']);
	});

	/** The items of the hostile workflow's executions so far (all of them finished), by push name. */
	async function hostileItemsByName() {
		const byName = {};
		for (const execution of await finishedExecutions(
			WORKFLOWS.hostile.id,
			expectedStarts.hostile.length,
		)) {
			for (const item of await triggerItems(execution.id)) (byName[nameOf(item)] ??= []).push(item);
		}
		return byName;
	}

	test('accepted: a voiceId sent as a JSON number above 2^53 (read again from the raw body, every digit kept), prototype keys dropped', async () => {
		const bigNumber = `{"voiceId":${idFor('ok-big-number')},"type":1,"extra":{"__proto__":{"admin":true},"ok":1}}`;
		expect(await post(`${urls.hostile}?token=${QUERY_TOKEN}`, bigNumber)).toEqual({
			status: 200,
			body: { received: 1, accepted: 1 },
		});
		expectedStarts.hostile.push(['ok-big-number']);
		const [item] = (await hostileItemsByName())['ok-big-number'];
		expect(item.voiceId).toBe(idFor('ok-big-number'));
		expect(item.extra).toEqual({ ok: 1 });
	});

	test('the same report pushed twice: two executions, one dedupeKey', async () => {
		const url = `${urls.hostile}?token=${QUERY_TOKEN}`;
		for (let i = 0; i < 2; i++) expect((await post(url, report('ok-repeated'))).status).toBe(200);
		expectedStarts.hostile.push(['ok-repeated'], ['ok-repeated']);
		const repeated = (await hostileItemsByName())['ok-repeated'];
		expect(repeated.map((item) => item.dedupeKey)).toEqual([
			`callStatus:${idFor('ok-repeated')}:2022-01-18T06:42:55.000Z`,
			`callStatus:${idFor('ok-repeated')}:2022-01-18T06:42:55.000Z`,
		]);
	});
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
			for (const execution of await executionsOf(workflow.id))
				executions.push({ key, ...execution });
		}
		if (executions.length >= expectedCount && executions.every((e) => FINISHED.has(e.status)))
			break;
		if (Date.now() > deadline)
			throw new Error(`executions did not finish: ${JSON.stringify(executions)}`);
		await sleep(500);
	}

	const started = Object.fromEntries(Object.keys(WORKFLOWS).map((key) => [key, []]));
	const itemsByName = {};
	for (const execution of executions) {
		expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
		// Every execution can be shown (a refused push would once have saved one that could not).
		const items = await triggerItems(execution.id);
		started[execution.key].push(items.map(nameOf));
		for (const item of items) (itemsByName[nameOf(item)] ??= []).push(item);
	}
	const sorted = (pushes) => pushes.map((names) => names.join(',')).sort();
	for (const key of Object.keys(WORKFLOWS))
		expect({ [key]: sorted(started[key]) }).toEqual({ [key]: sorted(expectedStarts[key]) });
	expect(Object.keys(itemsByName).filter((name) => !name.startsWith('ok-'))).toEqual([]);
	expect(await executionsOf(BAD_ALLOW_LIST.id)).toEqual([]);
	const itemsById = Object.fromEntries(
		Object.entries(itemsByName).map(([name, items]) => [name, items[0]]),
	);

	// The report's epoch milliseconds arrive as ISO 8601 (UTC) in the execution's output.
	expect(itemsById['ok-single']).toMatchObject({
		voiceId: idFor('ok-single'),
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
	// SMS pushes: the delivery report's msgid as msgId, epoch ms as reportTime in UTC, trimmed keys, typed
	// status and money; the inbound message's zone-less reply_time read as +08:00 (output in UTC), mcn as mnc.
	expect(itemsById['ok-dlr-failed']).toEqual({
		msgId: idFor('ok-dlr-failed'),
		number: '6281234567001',
		status: 'failed',
		statusCode: '1',
		reportTime: '2024-05-13T02:21:07.000Z',
		reason: 'UNDELIV',
		orderId: 'ord-1001',
		appId: '7xQp2LmA',
		mcc: '510',
		mnc: '10',
		price: 0.01,
		chargeCnt: 2,
		pay: 0.02,
		currency: 'USD',
		dedupeKey: `smsDelivery:${idFor('ok-dlr-failed')}:1:2024-05-13T02:21:07.000Z`,
	});
	expect(itemsById['ok-mo-1']).toEqual({
		number: '6281234567001',
		sendId: '6281100000001',
		receiveTime: '2024-05-13T02:25:40.000Z',
		content: 'STOP',
		mcc: '510',
		mnc: '10',
		operator: 'Indonesia',
		price: 0.01,
		chargeCnt: 1,
		pay: 0.01,
		currency: 'USD',
		msgId: idFor('ok-mo-1'),
		dedupeKey: expect.stringMatching(
			new RegExp(
				`^smsInbound:${idFor('ok-mo-1')}:6281234567001:2024-05-13T10:25:40\\+08:00:[0-9a-f]{16}$`,
			),
		),
	});
});
