'use strict';
/** Itniotech Voice Trigger: its webhook() in n8n-core's WebhookContext, fed by real HTTP requests. */
const { TRIGGERS, useTriggers, triggerWorkflow, postPush: post } = require('../helpers');

const startTrigger = useTriggers();

const ANSWERED = {
	voiceId: '2203031113381000002',
	type: 1,
	callee: '91856321412',
	displayNum: '1008122211',
	submitTime: 1642488160000,
	callTime: 1642488165000,
	ringingTime: 1642488167000,
	answerTime: 1642488170000,
	hangupTime: 1642488175000,
	callDuration: 5,
	chargedDuration: 20,
	billPeriod: '20+20',
	code: 'Afghanistan(Kandahar)',
	voiceFileId: '',
	rate: '1.2',
	baseCost: '1',
	cost: '2',
	terminationCode: '200',
	terminationReason: 'success',
	sipCode: 200,
	feedbackValue: '1',
	calledInfo: 'order 42',
	ringDuration: 3,
	currency: 'EUR',
	settleRate: '1.2793',
	quoteExchange: '0.938',
	settlePay: '1.2793',
	outRecallCount: 0,
};
const UNANSWERED = {
	...ANSWERED,
	voiceId: '2203031113381000003',
	type: 2,
	answerTime: 0,
	callDuration: 0,
	chargedDuration: 0,
	terminationCode: '480',
	terminationReason: 'no answer',
};
const DIRECT_DIAL = { ...ANSWERED, voiceId: '2203031113381000004', type: 4 };

const TOKEN = 'k3Q9-a-long-random-push-token';
let trigger;

const params = (extra = {}) => ({
	authentication: 'none',
	reportTypes: [],
	answered: 'all',
	...extra,
});

test('one report: one item, typed like Get, with the type as words; answered 200 at once', async () => {
	trigger = await startTrigger(params());
	const response = await post(trigger.baseUrl, ANSWERED);
	expect(response).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	expect(trigger.starts).toHaveLength(1);
	const [item] = trigger.starts[0];
	expect(item.json).toMatchObject({
		voiceId: '2203031113381000002',
		type: 1,
		typeLabel: 'group call',
		submitTime: '2022-01-18T06:42:40.000Z',
		answerTime: '2022-01-18T06:42:50.000Z',
		callDuration: 5,
		chargedDuration: 20,
		ringDuration: 3,
		outRecallCount: 0,
		cost: 2,
		rate: 1.2,
		settlePay: 1.2793,
		terminationCode: '200',
		sipCode: '200',
		voiceFileId: null,
	});
});

test('a batch: one item per report, in order', async () => {
	trigger = await startTrigger(params());
	const response = await post(trigger.baseUrl, [ANSWERED, UNANSWERED, DIRECT_DIAL]);
	expect(response.body).toEqual({ received: 3, accepted: 3 });
	expect(trigger.starts[0].map((i) => [i.json.voiceId, i.json.typeLabel])).toEqual([
		['2203031113381000002', 'group call'],
		['2203031113381000003', 'verification code'],
		['2203031113381000004', 'direct dial'],
	]);
	expect(trigger.starts[0][1].json.answerTime).toBeNull(); // 0 means never answered
});

test.each([
	[{ answered: 'notAnswered' }, ['2203031113381000003']],
	[{ answered: 'answered' }, ['2203031113381000002', '2203031113381000004']],
	[{ reportTypes: [1, 4] }, ['2203031113381000002', '2203031113381000004']],
	[{ reportTypes: [2], answered: 'answered' }, []],
])('filter %p', async (filter, expected) => {
	trigger = await startTrigger(params(filter));
	const response = await post(trigger.baseUrl, [ANSWERED, UNANSWERED, DIRECT_DIAL]);
	expect(response.status).toBe(200);
	expect(response.body).toEqual({ received: 3, accepted: expected.length });
	if (expected.length === 0)
		expect(trigger.starts).toHaveLength(0); // nothing left: no workflow start
	else expect(trigger.starts[0].map((i) => i.json.voiceId)).toEqual(expected);
});

describe('protection', () => {
	test('token in the query: right → 200, wrong or missing → 401 and no start', async () => {
		trigger = await startTrigger(params({ authentication: 'queryToken', token: TOKEN }));
		expect((await post(`${trigger.baseUrl}?token=${TOKEN}`, ANSWERED)).status).toBe(200);
		expect(await post(`${trigger.baseUrl}?token=${TOKEN}x`, ANSWERED)).toEqual({
			status: 401,
			body: { error: 'Missing or wrong token' },
		});
		expect((await post(trigger.baseUrl, ANSWERED)).status).toBe(401);
		expect((await post(`${trigger.baseUrl}?token=`, ANSWERED)).status).toBe(401);
		// n8n's query parser turns a repeated key into a list: no single token, so no match.
		expect((await post(`${trigger.baseUrl}?token=${TOKEN}&token=${TOKEN}`, ANSWERED)).status).toBe(
			401,
		);
		expect(trigger.starts).toHaveLength(1);
	});

	test('token in the path: right → 200, wrong → 401', async () => {
		trigger = await startTrigger(params({ authentication: 'pathToken', token: TOKEN }));
		expect((await post(`${trigger.baseUrl}/${TOKEN}`, ANSWERED)).status).toBe(200);
		expect((await post(`${trigger.baseUrl}/nope`, ANSWERED)).status).toBe(401);
		expect(trigger.starts).toHaveLength(1);
	});

	test.each([
		['queryToken', ''],
		['queryToken', 'a'],
		['pathToken', 'x'.repeat(15)],
	])(
		'%s with a token of %p: activation fails, naming the Token field and the 16-character minimum',
		async (authentication, token) => {
			await expect(startTrigger(params({ authentication, token }))).rejects.toThrow(
				`The Token must be at least 16 characters long (it has ${token.length})`,
			);
		},
	);

	test('a new trigger asks for a token by default (Token in Query Parameter)', async () => {
		const { authentication, ...unset } = params();
		await expect(startTrigger(unset)).rejects.toThrow(/Token must be at least 16 characters/);
		trigger = await startTrigger({ ...unset, token: TOKEN });
		expect((await post(trigger.baseUrl, ANSWERED)).status).toBe(401);
		expect((await post(`${trigger.baseUrl}?token=${TOKEN}`, ANSWERED)).status).toBe(200);
		expect(trigger.starts).toHaveLength(1);
	});

	test('source IP allow-list: outside → 403 and no start; listed address or range → 200', async () => {
		trigger = await startTrigger(
			params({ options: { allowedIps: '203.0.113.10, 198.51.100.0/24' } }),
		);
		expect(await post(trigger.baseUrl, ANSWERED)).toEqual({
			status: 403,
			body: { error: 'This source IP address is not allowed' },
		});
		await trigger.stop();
		trigger = await startTrigger(params({ options: { allowedIps: '10.0.0.1, 127.0.0.0/8' } }));
		expect((await post(trigger.baseUrl, ANSWERED)).status).toBe(200);
		expect(trigger.starts).toHaveLength(1);
	});

	test.each([['198.51.100.0/'], ['127.0.0.1/33'], ['localhost'], ['2001:db8::/']])(
		'a malformed allow-list entry %p fails activation, naming it (a trailing slash once admitted every address)',
		async (entry) => {
			await expect(
				startTrigger(params({ options: { allowedIps: `203.0.113.10, ${entry}` } })),
			).rejects.toThrow(`Allowed Source IPs: "${entry}" is not an IP address or range`);
		},
	);

	test('an allow-list that is malformed at push time (activated before these checks): 403, nothing started', async () => {
		trigger = await startTrigger(params({ options: { allowedIps: '127.0.0.1' } }));
		trigger.node.parameters.options.allowedIps = '127.0.0.0/';
		const response = await post(trigger.baseUrl, ANSWERED);
		expect(response.status).toBe(403);
		expect(response.body.error).toMatch(/not set up correctly, so it accepts no pushes/);
		expect(trigger.starts).toHaveLength(0);
	});

	test('the source IP is checked before the token: outside the list, even the right token gets 403', async () => {
		trigger = await startTrigger(
			params({
				authentication: 'queryToken',
				token: TOKEN,
				options: { allowedIps: '203.0.113.10' },
			}),
		);
		expect((await post(`${trigger.baseUrl}?token=wrong`, ANSWERED)).status).toBe(403);
		expect((await post(`${trigger.baseUrl}?token=${TOKEN}`, ANSWERED)).status).toBe(403);
		expect(trigger.starts).toHaveLength(0);
	});

	test('IPv6: a dual-stack server sees IPv4 clients as ::ffff:a.b.c.d, which match IPv4 entries; IPv6 ranges match', async () => {
		trigger = await startTrigger(params({ options: { allowedIps: '127.0.0.0/8' } }), {
			host: '::',
		});
		const mapped = await post(trigger.baseUrl.replace('[::1]', '127.0.0.1'), ANSWERED);
		expect(mapped).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
		expect((await post(trigger.baseUrl, ANSWERED)).status).toBe(403); // ::1 is not in 127.0.0.0/8
		await trigger.stop();
		trigger = await startTrigger(params({ options: { allowedIps: '::1/128, 2001:db8::/32' } }), {
			host: '::',
		});
		expect((await post(trigger.baseUrl, ANSWERED)).status).toBe(200);
		expect((await post(trigger.baseUrl.replace('[::1]', '127.0.0.1'), ANSWERED)).status).toBe(403);
		expect(trigger.starts).toHaveLength(1);
	});
});

describe('bad pushes the node refuses: 400 with a reason, nothing started', () => {
	test.each([
		[
			'not sent as JSON: JSON text as text/plain',
			JSON.stringify(ANSWERED),
			'text/plain',
			/must be JSON, sent with Content-Type: application\/json/,
		],
		[
			'not sent as JSON: form data',
			'voiceId=1',
			'application/x-www-form-urlencoded',
			/must be JSON/,
		],
		[
			'not sent as JSON: another JSON media type',
			JSON.stringify(ANSWERED),
			'application/vnd.api+json',
			/must be JSON/,
		],
		[
			'not sent as JSON: XML',
			'<report><voiceId>1</voiceId></report>',
			'application/xml',
			/must be JSON/,
		],
		['an empty body', '', 'application/json', /The push is empty/],
		['an empty list', '[]', 'application/json', /empty list/],
		['a number', '42', 'application/json', /Report 0 is not a status report/],
		['null', 'null', 'application/json', /Report 0 is not a status report/],
		[
			'a JSON string holding JSON',
			JSON.stringify(JSON.stringify(ANSWERED)),
			'application/json',
			/Report 0 is not a status report/,
		],
		['an empty object', '{}', 'application/json', /Report 0 is not a status report/],
		['wrong shape', '{"hello":"world"}', 'application/json', /Report 0 is not a status report/],
		[
			'a bad report in a batch',
			JSON.stringify([ANSWERED, 'x']),
			'application/json',
			/Report 1 is not a status report/,
		],
		[
			'too many reports',
			JSON.stringify(Array.from({ length: 1001 }, () => ANSWERED)),
			'application/json',
			/more than 1000 reports/,
		],
	])('%s', async (_name, body, contentType, reason) => {
		trigger = await startTrigger(params());
		const response = await post(trigger.baseUrl, body, contentType);
		expect(response.status).toBe(400);
		expect(response.body.error).toMatch(reason);
		expect(trigger.starts).toHaveLength(0);
	});

	test('not sent as JSON: multipart form data', async () => {
		trigger = await startTrigger(params());
		const form = new FormData();
		form.append('voiceId', '2203031113381000002');
		const response = await fetch(trigger.baseUrl, { method: 'POST', body: form });
		expect(response.status).toBe(400);
		expect((await response.json()).error).toMatch(/must be JSON/);
		expect(trigger.starts).toHaveLength(0);
	});

	test('application/json with a charset, as the vendor sends it, is accepted', async () => {
		trigger = await startTrigger(params());
		const response = await post(trigger.baseUrl, ANSWERED, 'application/json;charset=UTF-8');
		expect(response).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
		expect(trigger.starts).toHaveLength(1);
	});
});

describe('pushes n8n itself refuses before the node runs (as n8n 2.41.1 answers them)', () => {
	test("a body that is not valid JSON: 422 from n8n's body parser, nothing started", async () => {
		trigger = await startTrigger(params());
		const response = await post(trigger.baseUrl, '{"voiceId": 1,', 'application/json');
		expect(response.status).toBe(422);
		expect(response.body).toMatchObject({ code: 422, message: 'Failed to parse request body' });
		expect(trigger.starts).toHaveLength(0);
	});

	test('a body over N8N_PAYLOAD_SIZE_MAX: 500 from n8n, nothing started; just under it reaches the node', async () => {
		trigger = await startTrigger(params(), { payloadSizeMaxMb: 1 });
		// A batch of reports with long texts (a text may have 8,192 characters), filled up to the size.
		const sized = (bytes) => {
			const reports = Array.from({ length: 130 }, (_, i) => ({
				...ANSWERED,
				voiceId: `22030311133810${String(i).padStart(5, '0')}`,
				calledInfo: '',
			}));
			let missing = bytes - JSON.stringify(reports).length;
			for (const report of reports) {
				report.calledInfo = 'x'.repeat(Math.min(8000, missing));
				missing -= report.calledInfo.length;
			}
			return JSON.stringify(reports);
		};
		const over = await post(trigger.baseUrl, sized(1024 * 1024 + 1));
		expect(over).toEqual({
			status: 500,
			body: { code: 0, message: 'There was a problem executing the workflow' },
		});
		expect(trigger.starts).toHaveLength(0);
		const under = await post(trigger.baseUrl, sized(1024 * 1024));
		expect(under).toEqual({ status: 200, body: { received: 130, accepted: 130 } });
		expect(trigger.starts).toHaveLength(1);
	});
});

const DIST = '../../dist/nodes/Itniotech';
/** Both trigger nodes as n8n loads them, with their type names. */
const triggers = () => ({
	voice: { type: TRIGGERS.voice.type, node: new TRIGGERS.voice.Type() },
	sms: { type: TRIGGERS.sms.type, node: new TRIGGERS.sms.Type() },
});

/** The trigger `which` as a node of a workflow, with n8n's defaults filled in for what `parameters` leaves out. */
function inWorkflow(which, parameters) {
	const { trigger: nodeType, workflow } = triggerWorkflow(parameters, { which, name: 'Trigger' });
	return { workflow, node: workflow.getNode('Trigger'), nodeType };
}

test.each([
	['voice', undefined, 'none', 'b0c1d2e3-0000-4000-8000-000000000001/itniotech-status'],
	['voice', undefined, 'queryToken', 'b0c1d2e3-0000-4000-8000-000000000001/itniotech-status'],
	// n8n looks a :token path up by its webhookId plus the segments after it, so it must be stored without the id.
	['voice', undefined, 'pathToken', 'itniotech-status/:token'],
	['sms', undefined, 'none', 'b0c1d2e3-0000-4000-8000-000000000001/itniotech-sms-delivery'],
	[
		'sms',
		'smsDelivery',
		'queryToken',
		'b0c1d2e3-0000-4000-8000-000000000001/itniotech-sms-delivery',
	],
	['sms', 'smsDelivery', 'pathToken', 'itniotech-sms-delivery/:token'],
	['sms', 'smsInbound', 'none', 'b0c1d2e3-0000-4000-8000-000000000001/itniotech-sms-inbound'],
	['sms', 'smsInbound', 'pathToken', 'itniotech-sms-inbound/:token'],
])(
	'%s trigger, event %s (unset: the default), authentication %s: the webhook path n8n registers',
	(which, event, authentication, expected) => {
		const { NodeHelpers } = require('n8n-workflow');
		const parameters = { ...(event === undefined ? {} : { event }), authentication, token: TOKEN };
		const { workflow, node, nodeType } = inWorkflow(which, parameters);
		// What n8n's WebhookService.getNodeWebhooks evaluates for each description field.
		const [description] = nodeType.description.webhooks;
		const value = (field, fallback) =>
			workflow.expression.getSimpleParameterValue(
				node,
				description[field],
				'internal',
				{},
				undefined,
				fallback,
			);
		expect(
			NodeHelpers.getNodeWebhookPath('w1', node, value('path'), value('isFullPath', false)),
		).toBe(expected);
	},
);

test.each([['voice'], ['sms']])(
	'%s trigger saved without an authentication gets a token (the default n8n fills in); version 1',
	(which) => {
		const { node, nodeType } = inWorkflow(which, {});
		expect(node.parameters.authentication).toBe('queryToken');
		expect(node.parameters.options).toEqual({});
		expect(nodeType.description.version).toBe(1);
	},
);

test("n8n's nodes panel lists each trigger under its node: the trigger's name is the node's name + Trigger", () => {
	const { n8n } = require('../../package.json');
	const names = n8n.nodes.map((file) => {
		const exported = Object.values(require(`../../${file}`))[0];
		return new exported().description;
	});
	const triggerNames = names.filter((d) => d.group.includes('trigger')).map((d) => d.name);
	expect(triggerNames.sort()).toEqual(['itniotechSmsTrigger', 'itniotechVoiceTrigger']);
	// As the editor merges them: the trigger's name without "Trigger" is an action node's name.
	const actionNames = names.filter((d) => !d.group.includes('trigger')).map((d) => d.name);
	for (const name of triggerNames) expect(actionNames).toContain(name.replace('Trigger', ''));
	const { voice, sms } = triggers();
	expect([voice.node.description.displayName, sms.node.description.displayName]).toEqual([
		'Itniotech Voice Trigger',
		'Itniotech SMS Trigger',
	]);
	// The editor offers one "On …" entry per option of the field named Event.
	const event = sms.node.description.properties.find((p) => p.displayName === 'Event');
	expect(event.options.map((o) => o.action)).toEqual(['On SMS delivery report', 'On inbound SMS']);
});

/** The notices of a panel with `parameters` set, as n8n decides what to show (displayOptions). */
function noticesShown(which, parameters) {
	const { NodeHelpers } = require('n8n-workflow');
	const { node, nodeType } = inWorkflow(which, parameters);
	return nodeType.description.properties
		.filter((p) => p.type === 'notice')
		.filter((p) => NodeHelpers.displayParameter(node.parameters, p, node, nodeType.description))
		.map((p) => p.displayName);
}

test.each([['voice'], ['sms']])(
	'the %s panel: its notices follow the authentication, and say how to hand over the URL and that n8n must be reachable',
	(which) => {
		const reachable = expect.stringMatching(/reachable from the internet.*tunnel/);
		const query = noticesShown(which, { authentication: 'queryToken' });
		expect(query).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/Production URL \(Webhook URLs, top of this panel, Production tab\), then \?token= and your token/,
				),
				reachable,
			]),
		);
		expect(query.join(' ')).not.toMatch(/Anyone who knows/);
		const inPath = noticesShown(which, { authentication: 'pathToken' });
		expect(inPath).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/Production tab\), :token replaced by your token/),
				reachable,
			]),
		);
		const none = noticesShown(which, { authentication: 'none' });
		expect(none).toEqual(
			expect.arrayContaining([
				'Anyone who knows this URL can start the workflow. Choose a token, unless only Itniotech can reach this n8n.',
				reachable,
			]),
		);
		expect(none.join(' ')).not.toMatch(/token=|:token/);
	},
);

test('where each URL is set: Voice in the console; SMS by Itniotech staff, per event', () => {
	expect(noticesShown('voice', {})[0]).toMatch(/Itniotech console: Voice → settings/);
	expect(noticesShown('sms', { event: 'smsDelivery' })[0]).toMatch(
		/Itniotech support or your account manager.*SMS delivery report push URL/,
	);
	expect(noticesShown('sms', { event: 'smsInbound' })[0]).toMatch(
		/Itniotech support or your account manager.*inbound SMS \(MO\) push URL/,
	);
});

test.each([['voice'], ['sms']])(
	'the %s trigger: a webhook trigger without credential, Allowed Source IPs under Options',
	(which) => {
		const { description } = triggers()[which].node;
		expect(description.group).toEqual(['trigger']);
		expect(description.webhooks[0]).toMatchObject({
			httpMethod: 'POST',
			responseMode: 'onReceived',
		});
		expect(description.credentials).toBeUndefined();
		expect(description.properties.find((p) => p.name === 'allowedIps')).toBeUndefined();
		const options = description.properties.at(-1);
		expect(options).toMatchObject({ name: 'options', type: 'collection', default: {} });
		expect(options.options.map((o) => o.name)).toEqual(['allowedIps']);
	},
);

test.each([['voice'], ['sms']])(
	'%s panel texts: descriptions at most 130 characters, notices at most 160, sentence case; option names in Title Case',
	(which) => {
		const { description } = triggers()[which].node;
		const sentenceCase = /^[A-Z0-9"]/;
		const small = new Set(['in', 'of', 'a', 'an', 'the', 'to', 'for', 'and', 'or', 'URL', 'SMS']);
		const titleCase = (name) =>
			name.split(' ').every((word, i) => /^[A-Z0-9(]/.test(word) || (i > 0 && small.has(word)));
		const properties = description.properties.flatMap((p) =>
			p.type === 'collection' ? [p, ...p.options] : [p],
		);
		const texts = [];
		for (const property of properties) {
			if (property.type === 'notice') {
				expect(property.displayName.length).toBeLessThanOrEqual(160);
				texts.push(property.displayName);
			} else {
				texts.push(property.displayName, property.description, property.hint);
			}
			if (property.type === 'collection') continue;
			for (const option of property.options ?? []) {
				expect({ option: option.name, titleCase: titleCase(option.name) }).toEqual({
					option: option.name,
					titleCase: true,
				});
				texts.push(option.description);
			}
		}
		for (const text of texts.filter(Boolean)) expect(text).toMatch(sentenceCase);
		const descriptions = properties
			.flatMap((p) => [
				p.description,
				p.hint,
				...(p.type === 'collection' ? [] : (p.options ?? []).map((o) => o.description)),
			])
			.filter(Boolean);
		expect(descriptions.length).toBeGreaterThan(4);
		for (const text of descriptions)
			expect({ text, length: text.length <= 130 }).toEqual({ text, length: true });
	},
);

test("the paths in the webhook expressions are the events' paths", () => {
	const { EVENTS } = require(`${DIST}/common/trigger/events.js`);
	const { voice, sms } = triggers();
	expect(voice.node.description.webhooks[0].path).toContain(`"${EVENTS.callStatus.path}"`);
	const events = sms.node.description.properties.find((p) => p.name === 'event');
	expect(events.options.map((o) => o.value)).toEqual(['smsDelivery', 'smsInbound']);
	for (const { value } of events.options)
		expect(sms.node.description.webhooks[0].path).toContain(`"${EVENTS[value].path}"`);
});
