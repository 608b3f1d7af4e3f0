'use strict';
/**
 * Itniotech Voice → Campaign inside n8n's real execution engine against the simulator: Create puts every
 * item's numbers into one group-call task (text1…text10 per number, consecutive numbered tasks beyond a task's
 * size, a start time in the vendor's UTC+8), checks everything before any request, is never retried and loses
 * no task ID (found by its unique name when the answer has none); Get, Get Many, Suspend and Redial on both
 * path layouts; both envelopes and the campaign statuses -22 / -54.
 */
const { taskState } = require('../../simulator/tasks');
const { runNode, useSimulator, signedHeaders } = require('../helpers');

const DAY_MS = 24 * 3600_000;

const { sim, credentials } = useSimulator({
	credentials: { voiceAppId: 'voice-app', smsAppId: 'sms-app' },
});

const PEOPLE = [
	{ name: 'Ana', phone: '447700900001' },
	{ name: 'Budi', phone: '447700900002' },
	{ name: 'Chen', phone: '447700900003' },
];
const itemsOf = (rows) => rows.map((json) => ({ json }));

const create = (fields = {}, additionalFields = {}) => ({
	resource: 'campaign',
	operation: 'create',
	number: '={{ $json.phone }}',
	messageType: 'tts',
	language: 'EN',
	text: 'Hello ${text1}, your order is ready',
	campaignName: 'Spring sale',
	personalTexts: { text1: '={{ $json.name }}' },
	additionalFields,
	options: {},
	...fields,
});
const byId = (operation, campaignId, fields = {}) => ({
	resource: 'campaign',
	operation,
	campaignId: { __rl: true, mode: 'id', value: campaignId },
	options: {},
	...fields,
});

const BRANDS = [
	['Itniotech', (url) => ({ platform: 'itniotech', baseUrl: url }), ''],
	['Onbuka', (url) => ({ platform: 'onbuka', baseUrl: `${url}/v3` }), '/v3'],
];

const bodies = (path) =>
	sim.requests.filter((r) => r.path.endsWith(path)).map((r) => JSON.parse(r.body));

describe.each(BRANDS)('%s', (_name, fields, prefix) => {
	let brand;
	beforeEach(() => {
		brand = { ...credentials, ...fields(credentials.baseUrl) };
	});
	const run = async (parameters, extra = {}) =>
		await runNode({ parameters, credentials: brand, ...extra });

	test(`Create sends all items' numbers in one task to ${prefix}/voice/group/call/send, each with its text1`, async () => {
		const result = await run(create(), { items: itemsOf(PEOPLE) });
		expect(result.error).toBeUndefined();
		expect(sim.requests.map((r) => [r.method, r.path])).toEqual([
			['POST', `${prefix}/voice/group/call/send`],
		]);
		const [body] = bodies('/group/call/send');
		expect(body).toEqual({
			appId: 'voice-app',
			source: 3,
			text: 'Hello ${text1}, your order is ready',
			lan: 'EN',
			loopCount: 1,
			maxCalls: 60,
			taskName: 'Spring sale',
			numberInfoList: PEOPLE.map((p) => ({ calleeNumber: p.phone, text1: p.name })),
		});
		const [job] = taskState(sim).list;
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			campaignId: String(job.jobId),
			name: 'Spring sale',
			numberCount: 3,
			part: 1,
			parts: 1,
		});
		expect(result.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test(`Get reads ${prefix}/voice/group/call/detail/{id}: counts as numbers, status in words`, async () => {
		const created = await run(create(), { items: itemsOf(PEOPLE) });
		const { campaignId } = created.items[0].json;
		// The default Campaign field reads the campaignId Create put out.
		const got = await run(
			{ resource: 'campaign', operation: 'get', options: {} },
			{ items: created.items },
		);
		expect(got.error).toBeUndefined();
		expect(sim.requests.at(-1)).toMatchObject({
			method: 'GET',
			path: `${prefix}/voice/group/call/detail/${campaignId}`,
		});
		// Without the progress clock a started task is done at once, every third number unanswered.
		expect(got.items[0].json).toMatchObject({
			campaignId,
			name: 'Spring sale',
			status: 'completed',
			statusCode: 2,
			finished: true,
			running: false,
			suspended: false,
			numberCount: 3,
			callsMade: 3,
			answered: 2,
			failed: 1,
			answerRate: 66.67,
			progress: 100,
			text: 'Hello ${text1}, your order is ready',
			language: 'EN',
		});
	});

	test(`Get Many reads ${prefix}/voice/group/call/query with the time range and statuses`, async () => {
		await run(create(), { items: itemsOf(PEOPLE) });
		await run(create({ campaignName: 'Summer sale' }), { items: itemsOf(PEOPLE) });
		const all = await run({
			resource: 'campaign',
			operation: 'getAll',
			from: new Date(Date.now() - 3600_000).toISOString(),
			to: new Date(Date.now() + 60_000).toISOString(),
			statuses: [2],
			returnAll: true,
			options: {},
		});
		expect(all.error).toBeUndefined();
		expect(all.items.map((i) => [i.json.name, i.json.status, i.json.numberCount])).toEqual([
			['Summer sale', 'completed', 3],
			['Spring sale', 'completed', 3],
		]);
		const [query] = bodies('/group/call/query');
		expect(sim.requests.at(-1).path).toBe(`${prefix}/voice/group/call/query`);
		expect(query.params).toEqual({
			strTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			endTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			statusList: [2],
		});
	});

	test(`Suspend posts ${prefix}/voice/group/call/provisional; Redial ${prefix}/voice/group/call/resend`, async () => {
		const clock = { now: Date.now() };
		sim.setProgress({ now: () => clock.now, taskDialIntervalMs: 1000 });
		const created = await run(create(), { items: itemsOf(PEOPLE) });
		const { campaignId } = created.items[0].json;
		clock.now += 8_000; // one call over, two to go
		const suspended = await run(byId('suspend', campaignId));
		expect(suspended.error).toBeUndefined();
		expect(suspended.items[0].json).toEqual({ campaignId, suspended: true });
		expect(bodies('/group/call/provisional')).toEqual([{ jobIdList: [Number(campaignId)] }]);
		clock.now += 60_000;
		const got = await run(byId('get', campaignId));
		expect(got.items[0].json).toMatchObject({ status: 'suspended', suspended: true, callsMade: 1 });

		const redial = await run(
			byId('redial', campaignId, { redialNumbers: 'all', campaignName: 'Spring sale again' }),
		);
		expect(redial.error).toBeUndefined();
		const [resend] = bodies('/group/call/resend');
		expect(sim.requests.at(-1).path).toBe(`${prefix}/voice/group/call/resend`);
		expect(resend).toMatchObject({
			keyId: Number(campaignId),
			appId: 'voice-app',
			taskName: 'Spring sale again',
			resendType: 0,
			source: 3,
			text: 'Hello ${text1}, your order is ready',
			lan: 'EN',
		});
		const copy = taskState(sim).list.at(-1);
		expect(redial.items[0].json).toEqual({
			campaignId: String(copy.jobId),
			name: 'Spring sale again',
			redialOf: campaignId,
			onlyFailed: false,
			numberCount: PEOPLE.length,
		});
		expect(copy.numbers.map((n) => n.number)).toEqual(PEOPLE.map((p) => p.phone));
	});
});

describe('Create', () => {
	const run = async (parameters, extra = {}) =>
		await runNode({ parameters, credentials, ...extra });

	test('text1…text10 per number; an item with several numbers gives each its texts', async () => {
		const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`text${i + 1}`, `v${i}`]));
		const result = await run(create({ personalTexts: ten }), {
			items: [
				{ json: { phone: '447700900001, 447700900002' } },
				{ json: { phone: '447700900003' } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(bodies('/group/call/send')[0].numberInfoList).toEqual([
			{ calleeNumber: '447700900001', ...ten },
			{ calleeNumber: '447700900002', ...ten },
			{ calleeNumber: '447700900003', ...ten },
		]);
		expect(result.items[0].json.numberCount).toBe(3);
	});

	test('without Personal Texts the numbers go as numberList; a repeated number is called once', async () => {
		const result = await run(create({ personalTexts: {} }), {
			items: itemsOf([...PEOPLE, { phone: PEOPLE[0].phone }]),
		});
		expect(result.error).toBeUndefined();
		const [body] = bodies('/group/call/send');
		expect(body.numberList).toEqual(PEOPLE.map((p) => p.phone));
		expect(body.numberInfoList).toBeUndefined();
		expect(result.items[0].json.numberCount).toBe(3);
		expect(result.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('more numbers than a task takes go into consecutive tasks with numbered names', async () => {
		// With texts a task takes 100,000 numbers: 100,001 make two tasks.
		const numbers = (from, n) =>
			Array.from({ length: n }, (_, i) => `4477${String(from + i).padStart(8, '0')}`);
		const items = [
			{ json: { phone: numbers(0, 60_000).join(','), name: 'A' } },
			{ json: { phone: numbers(60_000, 40_001).join(','), name: 'B' } },
		];
		const result = await run(create(), { items });
		expect(result.error).toBeUndefined();
		const sent = bodies('/group/call/send');
		expect(sent.map((b) => [b.taskName, b.numberInfoList.length])).toEqual([
			['Spring sale (1/2)', 100_000],
			['Spring sale (2/2)', 1],
		]);
		expect(sent[1].numberInfoList).toEqual([{ calleeNumber: numbers(100_000, 1)[0], text1: 'B' }]);
		const ids = taskState(sim).list.map((t) => String(t.jobId));
		expect(result.items.map((i) => i.json)).toEqual([
			{ campaignId: ids[0], name: 'Spring sale (1/2)', numberCount: 100_000, part: 1, parts: 2 },
			{ campaignId: ids[1], name: 'Spring sale (2/2)', numberCount: 1, part: 2, parts: 2 },
		]);
		expect(result.items[1].pairedItem).toEqual([{ item: 1 }]);
	}, 60_000);

	test("the Start Time goes as the vendor's UTC+8 wall clock; the workflow's time zone reads one without offset", async () => {
		const year = new Date().getUTCFullYear() + 1;
		await run(create({}, { startTime: `${year}-03-05T09:00:00+01:00` }), {
			items: itemsOf(PEOPLE),
		});
		expect(bodies('/group/call/send')[0].sendTime).toBe(`${year}-03-05 16:00:00`);
		sim.requests = [];
		await run(create({ campaignName: 'Later' }, { startTime: `${year}-07-01T10:30:00` }), {
			items: itemsOf(PEOPLE),
			workflowSettings: { timezone: 'America/New_York' },
		});
		// 10:30 in New York (UTC-4 in July) is 14:30 UTC, 22:30 in UTC+8.
		expect(bodies('/group/call/send')[0].sendTime).toBe(`${year}-07-01 22:30:00`);
		expect(taskState(sim).list.map((t) => t.sendTime)).toEqual([
			`${year}-03-05 16:00:00`,
			`${year}-07-01 22:30:00`,
		]);
	});

	test('the hang-up SMS: text, sender, outcomes, and the SMS App ID from the credential', async () => {
		const result = await run(
			create(
				{},
				{
					smsContent: 'Thanks ${text1}',
					senderId: 'ACME',
					smsWhen: ['answered', 'keyPressed'],
					feedbackValue: '2',
					successPushTime: 30,
					displayNum: '+4477009000',
					loopCount: 2,
					maxCalls: 120,
				},
			),
			{ items: itemsOf(PEOPLE) },
		);
		expect(result.error).toBeUndefined();
		expect(bodies('/group/call/send')[0]).toMatchObject({
			hangUpSms: 1,
			smsAppId: 'sms-app',
			smsContent: 'Thanks ${text1}',
			senderId: 'ACME',
			successPush: 1,
			feedbackPush: 1,
			feedbackValue: '2',
			successPushTime: 30,
			displayNum: '4477009000',
			loopCount: 2,
			maxCalls: 120,
		});
		// Options → SMS App ID overrides the credential's.
		sim.requests = [];
		await run(
			create(
				{ campaignName: 'Other app', options: { smsAppId: 'sms-app-2' } },
				{ smsContent: 'Hi' },
			),
			{ items: itemsOf(PEOPLE) },
		);
		expect(bodies('/group/call/send')[0]).toMatchObject({ smsAppId: 'sms-app-2', successPush: 1 });
	});

	test('an audio file instead of text to speech', async () => {
		sim.files.set('greeting.mp3', 'file-1.mp3');
		const result = await run(
			create({
				messageType: 'audioFile',
				fileId: { __rl: true, mode: 'list', value: 'file-1.mp3' },
				personalTexts: {},
			}),
			{ items: itemsOf(PEOPLE) },
		);
		expect(result.error).toBeUndefined();
		const [body] = bodies('/group/call/send');
		expect(body).toMatchObject({ source: 1, voiceFileId: 'file-1.mp3' });
		expect(body.text).toBeUndefined();
	});

	const past = new Date(Date.now() - 3600_000).toISOString();
	test.each([
		['a bad number', {}, {}, [{ phone: '12', name: 'x' }], /Phone Number in item 0/],
		['an empty number', {}, {}, [{ phone: '', name: 'x' }], /Phone Number in item 0 is empty/],
		[
			'a Text 1 over 30 characters',
			{},
			{},
			[{ phone: '447700900001', name: 'x'.repeat(31) }],
			/Text 1/,
		],
		['a name of 1 character', { campaignName: 'x' }, {}, PEOPLE, /Campaign Name/],
		['a text over 1000 characters', { text: 'x'.repeat(1001) }, {}, PEOPLE, /Text/],
		['Times to Play 10', {}, { loopCount: 10 }, PEOPLE, /Times to Play/],
		['Max Call Length 1000', {}, { maxCalls: 1000 }, PEOPLE, /Max Call Length/],
		[
			'a Start Time in the past',
			{},
			{ startTime: past },
			PEOPLE,
			/Start Time in item 0 is in the past/,
		],
		['a Caller ID of letters', {}, { displayNum: 'ACME' }, PEOPLE, /Caller ID/],
		[
			'a hang-up SMS with no outcome',
			{},
			{ smsContent: 'Hi', smsWhen: [] },
			PEOPLE,
			/Hang-Up SMS When/,
		],
		[
			'a hang-up SMS key of 11',
			{},
			{ smsContent: 'Hi', smsWhen: ['keyPressed'], feedbackValue: '11' },
			PEOPLE,
			/Hang-Up SMS Key/,
		],
		[
			'a text that differs per item',
			{ text: '=Hello {{ $json.name }}' },
			{},
			PEOPLE,
			/Text in item 1 differs from item 0's/,
		],
	])('%s is refused before any request', async (_name, fields, extra, rows, message) => {
		const result = await run(create(fields, extra), { items: itemsOf(rows) });
		expect(result.error.message).toMatch(message);
		expect(sim.requests).toEqual([]);
	});

	test('no SMS App ID for a hang-up SMS: refused before any request, naming where to set it', async () => {
		const result = await runNode({
			parameters: create({}, { smsContent: 'Hi' }),
			credentials: { ...credentials, smsAppId: '' },
			items: itemsOf(PEOPLE),
		});
		expect(result.error.message).toBe('No SMS App ID is set');
		expect(result.error.description).toContain('Options → SMS App ID');
		expect(sim.requests).toEqual([]);
	});

	test('Continue On Fail: a bad item becomes its error item, the others still go into the task', async () => {
		const result = await run(create(), {
			items: itemsOf([PEOPLE[0], { phone: 'nope', name: 'x' }, PEOPLE[2]]),
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(bodies('/group/call/send')[0].numberInfoList.map((n) => n.calleeNumber)).toEqual([
			PEOPLE[0].phone,
			PEOPLE[2].phone,
		]);
		expect(result.items.map((i) => i.json.error ?? i.json.numberCount)).toEqual([
			expect.stringMatching(/Phone Number in item 1/),
			2,
		]);
	});

	test('the task ID is found by its unique name when the answer carries none', async () => {
		taskState(sim).readings.createAnswer = 'empty';
		const result = await run(create(), { items: itemsOf(PEOPLE) });
		expect(result.error).toBeUndefined();
		expect(sim.requests.map((r) => r.path)).toEqual([
			'/voice/group/call/send',
			'/voice/group/call/query',
		]);
		expect(bodies('/group/call/query')[0].params.searchCondition).toBe('Spring sale');
		expect(result.items[0].json.campaignId).toBe(String(taskState(sim).list[0].jobId));
	});

	test('the answer as text, and the {code} envelope with code as a number', async () => {
		Object.assign(taskState(sim).readings, { createAnswer: 'string', codeAsNumber: true });
		const result = await run(create(), { items: itemsOf(PEOPLE) });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.campaignId).toBe(String(taskState(sim).list[0].jobId));
	});

	test('accepted, then the connection dropped: not sent again; the task is found by its name', async () => {
		sim.inject({ kind: 'dropAnswer', path: '/voice/group/call/send' });
		const result = await run(create(), { items: itemsOf(PEOPLE) });
		expect(result.error).toBeUndefined();
		expect(sim.requests.map((r) => r.path)).toEqual([
			'/voice/group/call/send',
			'/voice/group/call/query',
		]);
		expect(taskState(sim).list).toHaveLength(1);
		expect(result.items[0].json.campaignId).toBe(String(taskState(sim).list[0].jobId));
	});

	test('a network failure before the vendor acted: one request, reported as of unknown outcome with the name', async () => {
		sim.inject({ kind: 'reset', path: '/voice/group/call/send' });
		const result = await run(create(), { items: itemsOf(PEOPLE) });
		expect(result.error).toBeDefined();
		expect(bodies('/group/call/send')).toHaveLength(1);
		expect(taskState(sim).list).toHaveLength(0);
		expect(result.error.context.campaigns).toEqual({
			accepted: [],
			unknown: [{ item: 0, name: 'Spring sale', numberCount: 3 }],
			refused: [],
			notSent: [],
		});
		expect(result.error.description).toMatch(/Campaign → Get Many/);
	});

	test('busy (-18) on a create is not tried again; a later part is not created; the first is kept', async () => {
		const numbers = Array.from({ length: 100_001 }, (_, i) => `4477${String(i).padStart(8, '0')}`);
		sim.inject({ kind: 'status', status: '-18', path: '/voice/group/call/send', after: 1 });
		const result = await run(create(), {
			items: [{ json: { phone: numbers.join(','), name: 'A' } }],
		});
		expect(result.error.message).toMatch(/-18/);
		expect(bodies('/group/call/send')).toHaveLength(2);
		const [first] = taskState(sim).list;
		expect(result.error.context.campaigns).toMatchObject({
			accepted: [{ name: 'Spring sale (1/2)', campaignId: String(first.jobId) }],
			refused: [{ name: 'Spring sale (2/2)', numberCount: 1 }],
		});
		expect(result.error.description).toContain(`Spring sale (1/2) → ${first.jobId}`);
	}, 60_000);

	test('a name already used (-20) is refused with its advice', async () => {
		await run(create(), { items: itemsOf(PEOPLE) });
		const again = await run(create(), { items: itemsOf(PEOPLE) });
		expect(again.error.message).toMatch(/-20/);
		expect(again.error.description).toMatch(/campaign/);
		expect(taskState(sim).list).toHaveLength(1);
	});

	test('Retry On Fail is refused before any request: it would call people twice', async () => {
		const result = await run(create(), { items: itemsOf(PEOPLE), settings: { retryOnFail: true } });
		expect(result.error.message).toMatch(/Retry On Fail/);
		expect(sim.requests).toEqual([]);
	});
});

describe('Get, Get Many, Suspend, Redial', () => {
	const run = async (parameters, extra = {}) =>
		await runNode({ parameters, credentials, ...extra });
	let clock;
	beforeEach(() => {
		clock = Date.now();
		sim.setProgress({ now: () => clock, taskDialIntervalMs: 1000 });
	});
	const newCampaign = async (name = 'Spring sale') =>
		(await run(create({ campaignName: name }), { items: itemsOf(PEOPLE) })).items[0].json
			.campaignId;

	test('Get follows the progress: calling, then completed with the answer rate', async () => {
		const id = await newCampaign();
		clock += 8_000;
		const early = await run(byId('get', id));
		expect(early.items[0].json).toMatchObject({
			status: 'calling',
			running: true,
			finished: false,
			callsMade: 1,
			answered: 1,
			failed: 0,
			answerRate: 100,
			progress: 33.33,
		});
		clock += 20_000;
		const done = await run(byId('get', id));
		expect(done.items[0].json).toMatchObject({
			status: 'completed',
			finished: true,
			callsMade: 3,
			answered: 2,
			failed: 1,
			answerRate: 66.67,
			finishedAt: expect.stringMatching(/\+08:00$/),
		});
	});

	test('a scheduled campaign waits to start', async () => {
		const startTime = new Date(clock + 2 * 3600_000).toISOString();
		const created = await run(create({}, { startTime }), { items: itemsOf(PEOPLE) });
		const got = await run(byId('get', created.items[0].json.campaignId));
		expect(got.items[0].json).toMatchObject({
			status: 'waiting to start',
			running: true,
			callsMade: 0,
			scheduledFor: expect.stringMatching(/\+08:00$/),
		});
		expect(Date.parse(got.items[0].json.scheduledFor)).toBe(
			Math.floor(Date.parse(startTime) / 1000) * 1000,
		);
	});

	test.each(['-54', '-22', '-24'])(
		'an unknown Campaign ID answered %s fails with its advice',
		async (status) => {
			taskState(sim).readings.unknownTask = status;
			const result = await run(byId('get', '123456'));
			expect(result.error.message).toMatch(new RegExp(`Itniotech error ${status}`));
			expect(sim.requests).toHaveLength(1);
		},
	);

	test('-54 with code as a number reads the same; a finished campaign cannot be suspended', async () => {
		taskState(sim).readings.codeAsNumber = true;
		const id = await newCampaign();
		clock += 60_000;
		sim.requests = [];
		const result = await run(byId('suspend', id));
		// The campaign's detail tells which of the two causes it was, in the headline n8n's toast shows.
		expect(result.error.message).toBe(
			`Itniotech error -54: campaign ${id} is completed and cannot be suspended`,
		);
		expect(result.error.description).toBe(
			'Only a campaign that is waiting to start or calling can be suspended. This one is over: to call its numbers again, use Campaign → Redial.',
		);
		expect(sim.requests.map((r) => r.path)).toEqual([
			'/voice/group/call/provisional',
			`/voice/group/call/detail/${id}`,
		]);
	});

	test('Suspend of an unknown campaign (-54) says Itniotech knows no campaign with that ID', async () => {
		const result = await run(byId('suspend', '123456'));
		expect(result.error.message).toBe('Itniotech error -54: no campaign with ID 123456');
		expect(result.error.description).toMatch(
			/^Itniotech knows no campaign with this ID\. Check it with Campaign → Get Many, or set the Campaign field to Fixed and pick it From List/,
		);
	});

	test('Suspend of a calling campaign: suspended, and Get then says so', async () => {
		const id = await newCampaign();
		clock += 3_000;
		const suspended = await run(byId('suspend', id));
		expect(suspended.items[0].json).toEqual({ campaignId: id, suspended: true });
		const got = await run(byId('get', id));
		expect(got.items[0].json).toMatchObject({ status: 'suspended', suspended: true });
	});

	test('a Campaign ID that is not digits is refused before any request', async () => {
		const result = await run(byId('get', 'abc'));
		expect(result.error.message).toMatch(/The Campaign in item 0 must be a campaign ID of digits/);
		expect(sim.requests).toEqual([]);
	});

	test('Get is a read: busy (-18) is tried again, a -16 clock is corrected', async () => {
		const id = await newCampaign();
		sim.inject({ kind: 'status', status: '-18', path: '/group/call/detail' });
		const busy = await run(byId('get', id));
		expect(busy.error).toBeUndefined();
		expect(sim.requests.filter((r) => r.path.includes('/detail/'))).toHaveLength(2);
		sim.requests = [];
		const later = new Date(Date.now() + 3600_000).toUTCString();
		sim.now = () => Date.now() + 3600_000;
		sim.inject({
			kind: 'status',
			status: '-16',
			path: '/group/call/detail',
			headers: { Date: later },
		});
		const skewed = await run(byId('get', id));
		expect(skewed.error).toBeUndefined();
		expect(skewed.items[0].json.campaignId).toBe(id);
	});

	test('Get Many pages through more than 100 campaigns; Limit stops early', async () => {
		for (let i = 0; i < 102; i++) {
			const answer = await fetch(`${sim.baseUrl}/voice/group/call/send`, {
				method: 'POST',
				headers: signedHeaders(),
				body: JSON.stringify({
					appId: 'voice-app',
					taskName: `Task ${i}`,
					numberList: ['447700900001'],
					source: 3,
					text: 'Hi',
					lan: 'EN',
					loopCount: 1,
					maxCalls: 60,
				}),
			});
			expect((await answer.json()).code).toBe('0');
		}
		sim.requests = [];
		const range = {
			from: new Date(clock - 3600_000).toISOString(),
			to: new Date(clock + 3600_000).toISOString(),
		};
		const all = await run({
			resource: 'campaign',
			operation: 'getAll',
			...range,
			returnAll: true,
			options: {},
		});
		expect(all.items).toHaveLength(102);
		expect(all.items[0].json.name).toBe('Task 101');
		expect(bodies('/group/call/query').map((b) => b.current)).toEqual([1, 2]);
		sim.requests = [];
		const some = await run({
			resource: 'campaign',
			operation: 'getAll',
			...range,
			returnAll: false,
			limit: 5,
			options: {},
		});
		expect(some.items.map((i) => i.json.name)).toEqual([
			'Task 101',
			'Task 100',
			'Task 99',
			'Task 98',
			'Task 97',
		]);
		expect(bodies('/group/call/query')).toHaveLength(1);
		expect(typeof some.items[0].json.numberCount).toBe('number');
	});

	test('Get Many refuses From after To before any request', async () => {
		const result = await run({
			resource: 'campaign',
			operation: 'getAll',
			from: new Date(clock).toISOString(),
			to: new Date(clock - DAY_MS).toISOString(),
			returnAll: true,
			options: {},
		});
		expect(result.error.message).toMatch(/From date in item 0 must be before the To date/);
		expect(sim.requests).toEqual([]);
	});

	test('Redial only the failed numbers: a new campaign with the unanswered one', async () => {
		const id = await newCampaign();
		clock += 60_000;
		sim.requests = [];
		const redial = await run(
			byId('redial', id, { redialNumbers: 'failed', campaignName: 'Retry' }),
		);
		expect(redial.error).toBeUndefined();
		expect(sim.requests.map((r) => r.path)).toEqual([
			`/voice/group/call/detail/${id}`,
			'/voice/group/call/resend',
		]);
		expect(bodies('/group/call/resend')[0]).toMatchObject({ resendType: 1, keyId: Number(id) });
		const copy = taskState(sim).list.at(-1);
		expect(copy.numbers.map((n) => n.number)).toEqual([PEOPLE[2].phone]);
		expect(redial.items[0].json).toEqual({
			campaignId: String(copy.jobId),
			name: 'Retry',
			redialOf: id,
			onlyFailed: true,
			numberCount: 1,
		});
		const all = await run(byId('redial', id, { redialNumbers: 'all', campaignName: 'Everyone' }));
		expect(all.items[0].json).toMatchObject({ onlyFailed: false, numberCount: PEOPLE.length });
		expect(taskState(sim).list.at(-1).numbers).toHaveLength(PEOPLE.length);
	});

	test('Redial of a campaign still calling answers -54; the redial is not tried again', async () => {
		const id = await newCampaign();
		const redial = await run(
			byId('redial', id, { redialNumbers: 'all', campaignName: 'Too early' }),
		);
		expect(redial.error.message).toBe(
			`Itniotech error -54: campaign ${id} is calling and cannot be redialled yet`,
		);
		expect(redial.error.description).toMatch(
			/^A campaign can be redialled once it is no longer waiting or calling: suspend it first/,
		);
		expect(bodies('/group/call/resend')).toHaveLength(1);
		expect(redial.error.context.campaigns).toMatchObject({
			refused: [{ item: 0, name: 'Too early' }],
		});
	});

	test('Redial whose answer was lost: found by its new name, not sent again', async () => {
		const id = await newCampaign();
		clock += 60_000;
		sim.inject({ kind: 'dropAnswer', path: '/voice/group/call/resend' });
		const redial = await run(
			byId('redial', id, { redialNumbers: 'all', campaignName: 'Lost answer' }),
		);
		expect(redial.error).toBeUndefined();
		expect(bodies('/group/call/resend')).toHaveLength(1);
		expect(redial.items[0].json.campaignId).toBe(String(taskState(sim).list.at(-1).jobId));
	});

	test('the Campaign list search offers the campaigns by name, status and ID', async () => {
		await newCampaign('Spring sale');
		await newCampaign('Summer sale');
		const { loadOptionsContext, ItniotechVoice } = require('../helpers');
		const context = loadOptionsContext({
			parameters: byId('get', ''),
			credentials,
			propertyName: 'campaignId',
		});
		const found = await new ItniotechVoice().methods.listSearch.searchCampaigns.call(
			context,
			'Summer',
		);
		const id = String(taskState(sim).list[1].jobId);
		expect(found.results).toEqual([{ name: `Summer sale (calling, ${id})`, value: id }]);
	});
});

test('examples/campaign-from-sheet-rows.json: its Create and Get nodes run as imported', async () => {
	const example = require('../../examples/campaign-from-sheet-rows.json');
	const node = (name) => example.nodes.find((n) => n.name === name);
	const rows = itemsOf(PEOPLE);
	const created = await runNode({
		parameters: node('Create Campaign').parameters,
		credentials,
		items: rows,
	});
	expect(created.error).toBeUndefined();
	expect(created.items).toHaveLength(1);
	expect(created.items[0].json).toMatchObject({ numberCount: 3, parts: 1 });
	expect(created.items[0].json.name).toMatch(/^Appointments \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	expect(bodies('/group/call/send')[0].numberInfoList).toEqual(
		PEOPLE.map((p) => ({ calleeNumber: p.phone, text1: p.name })),
	);
	const progress = await runNode({
		parameters: node('Get Progress').parameters,
		credentials,
		items: created.items,
	});
	expect(progress.error).toBeUndefined();
	expect(progress.items[0].json).toMatchObject({
		campaignId: created.items[0].json.campaignId,
		numberCount: 3,
		finished: true,
	});
	expect(example.connections['Create Campaign'].main[0][0].node).toBe('Wait a minute');
});
