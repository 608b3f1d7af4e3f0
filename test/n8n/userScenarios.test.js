'use strict';
/**
 * Issue #14, user scenarios in real n8n 2.41.1: workflows built the way users build them (a Manual Trigger, a
 * Code node giving rows as a sheet would, expressions in the Itniotech Voice node's fields, Settings → On Error
 * off, "Continue" and "Continue (using error output)", NoOp nodes on each branch), imported with n8n's CLI into
 * a throw-away user folder holding the packed package, and run through the REST route the editor's "Execute
 * workflow" calls. What each node output per branch, the run's error and the simulator's request log are
 * checked. Items 1, 2, 4, 5 and 6 are proven here; item 3 (the credential's Test) in credentialTest.test.js
 * and item 7 (the trigger) in triggerWebhook.test.js.
 * Run it alone, under the machine's real-n8n lock:
 *   flock /tmp/real-n8n.lock npx jest --maxWorkers=1 test/n8n/userScenarios.test.js
 */
const { DateTime } = require('luxon');
const n8n = require('../../scripts/lib/n8n');
const {
	useSimulator,
	useRealN8n,
	ACCOUNT,
	EXAMPLE_RECORD,
	TYPED_EXAMPLE_RECORD,
	HOUR,
	DAY,
	vendorTime,
	searchRecordsParameters: search,
} = require('../helpers');

jest.setTimeout(300_000);

const TRIGGER = "When clicking 'Execute workflow'";
const CREDENTIALS = {
	itniotech: { id: 'ItnioScenario001', name: 'Itniotech (scenarios)' },
	onbuka: { id: 'OnbukaScenario01', name: 'Onbuka (scenarios)' },
};
const PEOPLE = [
	{ name: 'Ana', phone: '+62 812-3456-7890' },
	{ name: 'Budi', phone: '6281234567891' },
	{ name: 'Citra', phone: '6281234567892' },
];
const DIGITS = PEOPLE.map((person) => person.phone.replace(/\D/g, ''));
const GROUP_NUMBERS = Array.from({ length: 250 }, (_, i) => `4477009${String(i).padStart(5, '0')}`);

// ---- Workflows as the editor saves them -------------------------------------------------------------------

const trigger = () => ({
	name: TRIGGER,
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
});
const code = (name, jsCode) => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode },
});
const noOp = (name) => ({ name, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });
function voice(name, parameters, { credential = 'itniotech', onError } = {}) {
	return {
		name,
		type: 'n8n-nodes-itniotech.itniotechVoice',
		typeVersion: 1,
		parameters,
		credentials: { itniotechApi: CREDENTIALS[credential] },
		...(onError ? { onError } : {}),
	};
}

/** A workflow from its nodes and links ([from, to] or [from, to, output]); positions laid out left to right. */
function workflow(id, nodes, links, timezone = 'UTC') {
	const connections = {};
	for (const [from, to, output = 0] of links) {
		const outputs = (connections[from] ??= { main: [] }).main;
		while (outputs.length <= output) outputs.push([]);
		outputs[output].push({ node: to, type: 'main', index: 0 });
	}
	const column = new Map([[TRIGGER, 0]]);
	for (const [from, to] of links)
		column.set(to, Math.max(column.get(to) ?? 0, (column.get(from) ?? 0) + 1));
	const rows = new Map();
	return {
		id,
		name: `User scenario: ${id}`,
		active: false,
		settings: { executionOrder: 'v1', timezone },
		nodes: nodes.map((node, i) => {
			const x = column.get(node.name) ?? 0;
			const y = rows.get(x) ?? 0;
			rows.set(x, y + 1);
			return { id: `${id}-${i}`, position: [x * 260, y * 180], ...node };
		}),
		connections,
		pinData: {},
	};
}

const getRecord = (voiceId) => ({
	resource: 'callRecord',
	operation: 'getGroupRecord',
	voiceId,
	options: {},
});
const sendTts = {
	resource: 'call',
	operation: 'sendTts',
	callee: '={{ $json.phone }}',
	language: 'EN',
	text: '=Hello {{ $json.name }}, your appointment is tomorrow at 9.',
	additionalFields: {},
	options: {},
};
const sendGroup = {
	resource: 'call',
	operation: 'sendGroup',
	callees: '={{ $json.phones }}',
	fileId: { __rl: true, mode: 'list', value: 'welcome.mp3', cachedResultName: 'welcome.mp3' },
	additionalFields: {},
	options: {},
};
const rowsCode = (rows) => `return ${JSON.stringify(rows.map((json) => ({ json })))};`;

/** The 50-day search range of item 5, fixed when the workflows are written (so in the past when they run). */
const RANGE = (() => {
	const from = Math.floor((Date.now() - 50 * DAY) / 1000) * 1000;
	// The node splits 31 days less the two seconds by which it widens each window (see common/windowSearch.ts).
	return { from, to: from + 50 * DAY, boundary: from + 31 * DAY - 2000 };
})();
/** A date picked in the editor's date picker: wall-clock time without an offset, read in the workflow's zone. */
const PICKED = (() => {
	const wall = new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10);
	return {
		value: `${wall}T09:00:00`,
		zone: 'Asia/Kolkata',
		instant: Date.parse(`${wall}T09:00:00+05:30`),
	};
})();

function sendWorkflow(id, onError) {
	const nodes = [
		trigger(),
		code('Contacts', rowsCode(PEOPLE)),
		voice('Send Voice Message', sendTts, { onError }),
		noOp('Placed'),
	];
	const links = [
		[TRIGGER, 'Contacts'],
		['Contacts', 'Send Voice Message'],
		['Send Voice Message', 'Placed'],
	];
	if (onError === 'continueErrorOutput') {
		nodes.push(noOp('Failed'));
		links.push(['Send Voice Message', 'Failed', 1]);
	}
	return workflow(id, nodes, links);
}

function groupWorkflow(id, onError) {
	const nodes = [
		trigger(),
		code('Numbers', `return [{ json: { phones: ${JSON.stringify(GROUP_NUMBERS)} } }];`),
		voice('Send Audio Group Call', sendGroup, { onError }),
		noOp('Placed'),
	];
	const links = [
		[TRIGGER, 'Numbers'],
		['Numbers', 'Send Audio Group Call'],
		['Send Audio Group Call', 'Placed'],
	];
	if (onError === 'continueErrorOutput') {
		nodes.push(noOp('Failed'));
		links.push(['Send Audio Group Call', 'Failed', 1]);
	}
	return workflow(id, nodes, links);
}

const WORKFLOWS = [
	workflow(
		'ScenDatesExpr001',
		[
			trigger(),
			voice('Last 7 days', search('={{ $now.minus({ days: 7 }) }}', '={{ $now }}')),
			voice('Two months back', search('={{ $now.minus({ months: 2 }) }}', '={{ $now }}')),
			voice(
				'Two months back (ISO)',
				search('={{ $now.minus({ months: 2 }).toISO() }}', '={{ $now }}'),
			),
		],
		[
			[TRIGGER, 'Last 7 days'],
			[TRIGGER, 'Two months back'],
			[TRIGGER, 'Two months back (ISO)'],
		],
	),
	workflow(
		'ScenDatePicker01',
		[trigger(), voice('Picked date', search(PICKED.value, '={{ $now }}'))],
		[[TRIGGER, 'Picked date']],
		PICKED.zone,
	),
	workflow(
		'ScenDateGarbage1',
		[trigger(), voice('Typed date', search('March 5', '={{ $now }}'))],
		[[TRIGGER, 'Typed date']],
	),
	sendWorkflow('ScenSendStop0001'),
	sendWorkflow('ScenSendRegular1', 'continueRegularOutput'),
	sendWorkflow('ScenSendErrorOut', 'continueErrorOutput'),
	groupWorkflow('ScenGroupStop001'),
	groupWorkflow('ScenGroupErrOut1', 'continueErrorOutput'),
	workflow(
		'ScenOnbuka000001',
		[
			trigger(),
			voice(
				'Balance',
				{ resource: 'account', operation: 'getBalance', options: {} },
				{ credential: 'onbuka' },
			),
			voice('Look up call', getRecord(EXAMPLE_RECORD.voiceId), { credential: 'onbuka' }),
		],
		[
			[TRIGGER, 'Balance'],
			['Balance', 'Look up call'],
		],
	),
	workflow(
		'ScenSearch50Days',
		[
			trigger(),
			voice(
				'All records',
				search(new Date(RANGE.from).toISOString(), new Date(RANGE.to).toISOString()),
			),
			voice(
				'Newest 3',
				search(new Date(RANGE.from).toISOString(), new Date(RANGE.to).toISOString(), {
					returnAll: false,
					limit: 3,
				}),
			),
		],
		[
			[TRIGGER, 'All records'],
			[TRIGGER, 'Newest 3'],
		],
	),
	workflow(
		'ScenRecordTyping',
		[
			trigger(),
			code(
				'Calls sheet',
				rowsCode([{ voiceId: '2203031113381000901' }, { voiceId: '2203031113381000902' }]),
			),
			voice('Look up calls', getRecord('={{ $json.voiceId }}')),
		],
		[
			[TRIGGER, 'Calls sheet'],
			['Calls sheet', 'Look up calls'],
		],
	),
	workflow(
		'ScenRoundedId001',
		// As a sheet column formatted as a number hands it over: the literal is already rounded to a double here.
		[
			trigger(),
			code('Sheet row', 'return [{ json: { id: 2203031113381000000 } }];'),
			voice('Look up call', getRecord('={{ $json.id }}')),
		],
		[
			[TRIGGER, 'Sheet row'],
			['Sheet row', 'Look up call'],
		],
	),
];

// ---- Real n8n and the simulator -----------------------------------------------------------------------------

const { sim } = useSimulator();
const { server, session } = useRealN8n('itniotech-user-scenarios-', {
	imports: () => ({
		credentials: [
			// Sends take the App ID from the credential's Voice App ID.
			{
				...CREDENTIALS.itniotech,
				type: 'itniotechApi',
				data: {
					...ACCOUNT,
					platform: 'other',
					pathLayout: 'itniotech',
					baseUrl: sim.baseUrl,
					voiceAppId: 'app-reminders',
				},
			},
			{
				...CREDENTIALS.onbuka,
				type: 'itniotechApi',
				data: { ...ACCOUNT, platform: 'other', pathLayout: 'onbuka', baseUrl: `${sim.baseUrl}/v3` },
			},
		],
		workflows: WORKFLOWS,
	}),
});

/** Runs a workflow as the editor's "Execute workflow" does; returns its status, error and per-node outputs. */
const run = (workflowId) => n8n.runWorkflow(server.baseUrl, session.cookie, workflowId, TRIGGER);

const output = n8n.nodeOutput;
const jsonOf = (items) => items.map(({ '#item': _item, ...json }) => json);

/** Every call the simulator accepted, as callee → voiceIds. */
const accepted = () => sim.placedCalls();
function expectNobodyCalledTwice() {
	for (const [callee, voiceIds] of accepted())
		expect({ callee, calls: voiceIds.length }).toEqual({ callee, calls: 1 });
}
const voiceIdOf = (callee) => accepted().get(callee)?.[0];

/**
 * The ranges the node meant by the search windows the simulator answered, as [from, to] in ms: the node asks
 * one second more on each side (vendor times are whole seconds, so edge records are found under every reading
 * of the ends; see common/windowSearch.ts), which is taken off here.
 */
const windowsSent = () =>
	sim.requests
		.filter((r) => r.window)
		.map((r) => [Date.parse(r.window[0]) + 1000, Date.parse(r.window[1]) - 1000]);

// ---- 1. Date expressions ------------------------------------------------------------------------------------

describe('1. Search dates as users write them', () => {
	test('From {{ $now.minus({ days: 7 }) }}, {{ $now.minus({ months: 2 }) }} and {{ $now.minus({ months: 2 }).toISO() }}: all accepted', async () => {
		const now = Date.now();
		sim.groupHistory = [
			{
				...EXAMPLE_RECORD,
				voiceId: '7000000000000000001',
				submitTime: new Date(now - 50 * DAY).toISOString(),
			},
			{
				...EXAMPLE_RECORD,
				voiceId: '7000000000000000002',
				submitTime: new Date(now - 8 * DAY).toISOString(),
			},
			{
				...EXAMPLE_RECORD,
				voiceId: '7000000000000000003',
				submitTime: new Date(now - 3 * DAY).toISOString(),
			},
		];
		const before = Date.now();
		const result = await run('ScenDatesExpr001');
		const after = Date.now();
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(output(result, 'Last 7 days').map((r) => r.voiceId)).toEqual(['7000000000000000003']);
		const all = ['7000000000000000001', '7000000000000000002', '7000000000000000003'];
		expect(output(result, 'Two months back').map((r) => r.voiceId)).toEqual(all);
		expect(output(result, 'Two months back (ISO)').map((r) => r.voiceId)).toEqual(all);
		// Every query was answered (the simulator applies the vendor's own two-month rule), and the Froms sent
		// are the expressions' values: 7 days and two calendar months (in UTC, the workflow's zone) before the run;
		// at the two-month limit the node asks from a minute later (room for the vendor's clock, vendorSearchStart).
		expect(sim.requests.map((r) => r.answeredStatus)).toEqual(sim.requests.map(() => '0'));
		const starts = windowsSent().map(([from]) => from);
		const sevenDays = starts.filter(
			(from) => from >= Math.floor((before - 7 * DAY) / 1000) * 1000 && from <= after - 7 * DAY,
		);
		expect(sevenDays).toHaveLength(1);
		// $now.minus({ months: 2 }) as n8n computes it, at the run's first and last moment (month-end clamping
		// can step it back at midnight, hence the run's length as slack).
		const twoMonthsBack = [before, after].map((ms) =>
			DateTime.fromMillis(ms, { zone: 'UTC' }).minus({ months: 2 }).toMillis(),
		);
		const slack = after - before + 1000;
		const oldest = starts.filter((from) => from < before - 40 * DAY);
		expect(oldest).toHaveLength(2);
		for (const from of oldest) {
			expect(from).toBeGreaterThanOrEqual(Math.min(...twoMonthsBack) - slack);
			expect(from).toBeLessThanOrEqual(Math.max(...twoMonthsBack) + 61_000 + slack);
		}
	});

	test("a date picked in the field (no offset) is read in the workflow's time zone", async () => {
		const result = await run('ScenDatePicker01');
		expect(result.status).toBe('success');
		expect(output(result, 'Picked date')).toEqual([]);
		expect(windowsSent()[0][0]).toBe(PICKED.instant);
	});

	test('From "March 5" stops the run before any request, naming the field, the item, what came and what is allowed', async () => {
		const result = await run('ScenDateGarbage1');
		expect(result.status).toBe('error');
		expect(result.error.message).toBe('The From date in item 0 is not a date this node can read');
		expect(result.error.description).toMatch(
			/^Got "March 5"\. Allowed: a date picked in the field; an expression giving a date/,
		);
		expect(result.error.description).toMatch(
			/Unix timestamp, 10 digits for seconds or 13 for milliseconds\.$/,
		);
		expect(sim.requests).toHaveLength(0);
	});
});

// ---- 2. Sends across several items when one fails -----------------------------------------------------------

describe('2. Send Voice Message to 3 contacts: item 0 refused (-26), item 2 placed but its answer lost', () => {
	let restore;
	beforeEach(() => {
		sim.inject({ kind: 'status', status: '-26', path: '/voice/sendCode', bodyContains: DIGITS[0] });
		sim.inject({ kind: 'dropAnswer', path: '/voice/sendCode', bodyContains: DIGITS[2] });
		restore = sim.holdAnswers('/voice/sendCode', 3);
	});
	afterEach(() => restore());

	/** Each contact was asked for once; items 1 and 2 were placed, item 0 was not; nobody was called twice. */
	function expectEachContactOnce() {
		expect(
			sim.requests
				.filter((r) => r.path === '/voice/sendCode')
				.map((r) => JSON.parse(r.body).callee)
				.sort(),
		).toEqual([...DIGITS].sort());
		expect([...accepted().keys()].sort()).toEqual([DIGITS[1], DIGITS[2]]);
		expectNobodyCalledTwice();
	}

	test('On Error off: the run stops; its error lists the placed call with its voiceId, the unknown one and the one to send again', async () => {
		const result = await run('ScenSendStop0001');
		expect(result.status).toBe('error');
		expectEachContactOnce();
		expect(output(result, 'Placed')).toBeUndefined();
		const { error } = result;
		expect(error.message).toMatch(/^Itniotech error -26/);
		expect(error.context.calls).toEqual({
			placed: [{ item: 1, number: DIGITS[1], voiceId: voiceIdOf(DIGITS[1]) }],
			unknown: [
				{
					item: 2,
					number: DIGITS[2],
					reason: expect.stringMatching(
						/closed before an answer arrived: the request may have reached Itniotech/,
					),
				},
			],
			notPlaced: [{ item: 0, number: DIGITS[0], reason: error.message }],
			notSent: [],
		});
		expect(error.description).toContain(
			`Placed — do not send these again: item 1: ${DIGITS[1]} → ${voiceIdOf(DIGITS[1])}.`,
		);
		expect(error.description).toContain(
			`Outcome unknown — check these with Call Record → Get Many (or the Itniotech console) before sending them again: item 2: ${DIGITS[2]}.`,
		);
		expect(error.description).toContain(
			`Not placed — send only these again: item 0: ${DIGITS[0]} (Itniotech error -26`,
		);
	});

	test('On Error → Continue: every contact has its item in place — the placed call with its voiceId, the failures as error items', async () => {
		const result = await run('ScenSendRegular1');
		expect(result.status).toBe('success');
		expectEachContactOnce();
		const items = output(result, 'Send Voice Message');
		expect(items.map((item) => item['#item'])).toEqual([0, 1, 2]);
		expect(items[0]).toMatchObject({
			error: expect.stringMatching(/^Itniotech error -26/),
			code: '-26',
			calls: { placed: [], unknown: [], notPlaced: [{ item: 0, number: DIGITS[0] }], notSent: [] },
		});
		expect(jsonOf([items[1]])).toEqual([{ voiceId: voiceIdOf(DIGITS[1]), number: DIGITS[1] }]);
		expect(items[2]).toMatchObject({
			error: expect.stringMatching(/may have reached Itniotech/),
			calls: { placed: [], unknown: [{ item: 2, number: DIGITS[2] }], notPlaced: [], notSent: [] },
		});
		expect(items[2].description).toContain(`before sending them again: item 2: ${DIGITS[2]}.`);
		expect(jsonOf(output(result, 'Placed'))).toEqual(jsonOf(items));
	});

	test('On Error → Continue (using error output): the placed call goes down the main branch, both failures down the error branch with their row', async () => {
		const result = await run('ScenSendErrorOut');
		expect(result.status).toBe('success');
		expectEachContactOnce();
		const placed = output(result, 'Send Voice Message', 0);
		const failed = output(result, 'Send Voice Message', 1);
		expect(placed).toEqual([{ voiceId: voiceIdOf(DIGITS[1]), number: DIGITS[1], '#item': 1 }]);
		expect(failed).toEqual([
			{
				...PEOPLE[0],
				error: expect.stringMatching(/^Itniotech error -26/),
				message: expect.stringMatching(/destination|rate/i),
				'#item': 0,
			},
			{
				...PEOPLE[2],
				error: expect.stringMatching(/may have reached Itniotech/),
				message: expect.stringContaining(`before sending them again: item 2: ${DIGITS[2]}.`),
				'#item': 2,
			},
		]);
		// Each branch's NoOp got exactly its branch's items.
		expect(jsonOf(output(result, 'Placed'))).toEqual(jsonOf(placed));
		expect(jsonOf(output(result, 'Failed'))).toEqual(jsonOf(failed));
	});
});

describe('2. Send Audio Group Call to 250 numbers: the second request (numbers 201–250) is refused (-10)', () => {
	beforeEach(() =>
		sim.inject({ kind: 'status', status: '-10', path: '/voice/sendGroup', after: 1 }),
	);

	/** The first 200 numbers were placed once each, the last 50 asked for once and not placed. */
	function expectFirstChunkPlacedOnce() {
		expect(
			sim.requests
				.filter((r) => r.path === '/voice/sendGroup')
				.map((r) => JSON.parse(r.body).callee.split(',').length),
		).toEqual([200, 50]);
		expect([...accepted().keys()]).toEqual(GROUP_NUMBERS.slice(0, 200));
		expectNobodyCalledTwice();
	}

	test("On Error off: the run's error keeps the first request's number → voiceId pairs", async () => {
		const result = await run('ScenGroupStop001');
		expect(result.status).toBe('error');
		expectFirstChunkPlacedOnce();
		const { error } = result;
		expect(error.message).toMatch(/^Itniotech error -10/);
		const [first] = sim.sent;
		expect(error.context.calls.placed).toEqual(
			first.callees.map((callee, i) => ({ item: 0, number: callee, voiceId: first.voiceIds[i] })),
		);
		expect(error.context.calls.notPlaced.map((entry) => entry.number)).toEqual(
			GROUP_NUMBERS.slice(200),
		);
		for (const i of [0, 117, 199])
			expect(error.description).toContain(`${GROUP_NUMBERS[i]} → ${first.voiceIds[i]}`);
		expect(error.description).toContain(
			`Not placed — send only these again: item 0: ${GROUP_NUMBERS[200]}, `,
		);
	});

	test("On Error → Continue (using error output): the 200 placed calls go down the main branch, the item's error down the error branch", async () => {
		const result = await run('ScenGroupErrOut1');
		expect(result.status).toBe('success');
		expectFirstChunkPlacedOnce();
		const [first] = sim.sent;
		const placed = output(result, 'Placed');
		const pairs = first.callees.map((callee, i) => [callee, first.voiceIds[i], true]);
		expect(placed.map((row) => [row.number, row.voiceId, row.submitted])).toEqual(pairs);
		const failed = output(result, 'Failed');
		expect(failed).toHaveLength(1);
		expect(failed[0].error).toMatch(/^Itniotech error -10/);
		expect(failed[0].message).toContain(
			`Placed — do not send these again: item 0: ${GROUP_NUMBERS[0]} → ${first.voiceIds[0]}, `,
		);
		expect(failed[0].message).toContain(
			`Not placed — send only these again: item 0: ${GROUP_NUMBERS[200]}, `,
		);
	});
});

// ---- 4. Brands ----------------------------------------------------------------------------------------------

test('4. An Onbuka credential (Base URL = the simulator + /v3) runs Get Balance and Call Record → Get on the Onbuka paths', async () => {
	const result = await run('ScenOnbuka000001');
	expect(result.status).toBe('success');
	expect(jsonOf(output(result, 'Balance'))).toEqual([{ balance: 125.5, gift: 0, credit: 10 }]);
	expect(jsonOf(output(result, 'Look up call'))).toEqual([TYPED_EXAMPLE_RECORD]);
	expect(
		sim.requests.map((r) => [r.method, r.path, r.layout, r.signValid, r.answeredStatus]),
	).toEqual([
		['GET', '/v3/getBalance', 'onbuka', true, '0'],
		['GET', `/v3/voice/recordGroup/${EXAMPLE_RECORD.voiceId}`, 'onbuka', true, '0'],
	]);
});

// ---- 5. Search across windows -------------------------------------------------------------------------------

test('5. A 50-day search, records on the window boundaries, vendor ends both inclusive: each record once; Limit 3 = the 3 newest of the range', async () => {
	Object.assign(sim, { inclusiveStart: true, inclusiveEnd: true });
	const times = [RANGE.from, RANGE.boundary];
	for (let t = RANGE.from + HOUR; t < RANGE.to; t += 4 * HOUR)
		if (t !== RANGE.boundary) times.push(t);
	times.sort((a, b) => a - b);
	const records = times.map((t, i) => ({
		...EXAMPLE_RECORD,
		voiceId: String(5000000000000000000n + BigInt(i)),
		submitTime: vendorTime(t),
	}));
	sim.groupHistory = records;
	const ids = records.map((r) => r.voiceId);

	const result = await run('ScenSearch50Days');
	expect(result.status).toBe('success');
	expect(output(result, 'All records').map((r) => r.voiceId)).toEqual(ids);
	expect(output(result, 'Newest 3').map((r) => r.voiceId)).toEqual(ids.slice(-3));
	expect(output(result, 'Newest 3').map((r) => r.submitTime)).toEqual(
		records.slice(-3).map((r) => r.submitTime),
	);
	// The premise: two ≤31-day queries that meet on the boundary record's second (each asked a second wider),
	// so the vendor returns it from both, and the From record sits on the first query's start.
	const windows = [...new Set(windowsSent().map(String))].map((w) => w.split(',').map(Number));
	expect(windows.sort((a, b) => a[0] - b[0])).toEqual([
		[RANGE.from, RANGE.boundary],
		[RANGE.boundary, RANGE.to],
	]);
	expect(sim.requests.every((r) => r.answeredStatus === '0')).toBe(true);
});

// ---- 6. Record typing ---------------------------------------------------------------------------------------

test('6. Vendor "no time" values come out as null, a time without an offset gets +08:00', async () => {
	sim.records.set('2203031113381000901', {
		...EXAMPLE_RECORD,
		voiceId: '2203031113381000901',
		submitTime: '2022-01-18 15:00:00',
		callTime: '2022-01-18 15:00:02',
		ringingTime: '',
		answerTime: '0000-00-00 00:00:00',
		hangupTime: 'null',
	});
	sim.records.set('2203031113381000902', {
		...EXAMPLE_RECORD,
		voiceId: '2203031113381000902',
		submitTime: '2022-01-18 14:42:40',
		callTime: '2022-01-18 14:42:45',
		ringingTime: '2022-01-18 14:42:47',
		answerTime: '2022-01-18 14:42:50',
		hangupTime: '2022-01-18 14:42:55',
	});
	const result = await run('ScenRecordTyping');
	expect(result.status).toBe('success');
	const records = output(result, 'Look up calls');
	expect(records.map((r) => r['#item'])).toEqual([0, 1]);
	const times = (r) => [
		r.voiceId,
		r.submitTime,
		r.callTime,
		r.ringingTime,
		r.answerTime,
		r.hangupTime,
	];
	expect(records.map(times)).toEqual([
		[
			'2203031113381000901',
			'2022-01-18T15:00:00+08:00',
			'2022-01-18T15:00:02+08:00',
			null,
			null,
			null,
		],
		[
			'2203031113381000902',
			'2022-01-18T14:42:40+08:00',
			'2022-01-18T14:42:45+08:00',
			'2022-01-18T14:42:47+08:00',
			'2022-01-18T14:42:50+08:00',
			'2022-01-18T14:42:55+08:00',
		],
	]);
});

test('6. A 19-digit Voice ID that arrives as a number (already rounded) is refused: digits were lost, format the column as text', async () => {
	const result = await run('ScenRoundedId001');
	expect(result.status).toBe('error');
	expect(result.error.message).toBe(
		'The Voice ID in item 0 lost digits on the way: it arrived as a number too large to hold every digit',
	);
	expect(result.error.description).toMatch(
		/^Got the number 2203031113381000000; numbers above 9007199254740991 are rounded/,
	);
	expect(result.error.description).toContain('format the column as text');
	expect(sim.requests).toHaveLength(0);
});
