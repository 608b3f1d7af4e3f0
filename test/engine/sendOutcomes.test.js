'use strict';
/**
 * Issue #14, item 2: no placed call's voiceId is ever lost. Sends over several items or chunks fail part
 * way, including the worst case, "accepted, then the connection dropped" (the simulator places the call and
 * never answers). In every mode (stop, Continue On Fail, the error output) every call the simulator accepted
 * is in the output or in the error with its voiceId, the dropped one is reported as of unknown outcome with
 * its callee, the advice is one consistent instruction, and nothing is sent twice.
 */
const { runNode, useSimulator } = require('../helpers');

// Sends read the App ID from the credential's Voice App ID.
const { sim, credentials } = useSimulator({ credentials: { voiceAppId: 'app-1' } });

const PEOPLE = [
	'6281234567890',
	'6281234567891',
	'6281234567892',
	'6281234567893',
	'6281234567894',
];

const tts = (extra = {}) => ({
	resource: 'call',
	operation: 'sendTts',
	callee: '={{ $json.phone }}',
	language: 'EN',
	text: 'Your code is 1 2 3 4',
	additionalFields: {},
	options: { timeoutSeconds: 5 },
	...extra,
});
const group = (callees, extra = {}) => ({
	resource: 'call',
	operation: 'sendGroup',
	callees,
	fileId: 'file-1.mp3',
	additionalFields: {},
	options: { timeoutSeconds: 5 },
	...extra,
});
const itemsFor = (phones) => phones.map((phone) => ({ json: { phone } }));
const numbers = (n) => Array.from({ length: n }, (_, i) => `4477009${String(i).padStart(5, '0')}`);

/** Every call the simulator accepted, as callee → voiceIds. */
const accepted = () => sim.placedCalls();

function expectNobodyCalledTwice() {
	for (const [callee, voiceIds] of accepted())
		expect({ callee, calls: voiceIds.length }).toEqual({ callee, calls: 1 });
}

const voiceIdOf = (callee) => accepted().get(callee)?.[0];

describe('Continue On Fail off: the run stops, and its error accounts for every call', () => {
	test("the user's case: 3 items at the default concurrency, item 0 refused (-26); items 1 and 2 were placed and are listed with their voiceIds", async () => {
		sim.inject({ kind: 'status', status: '-26', path: '/voice/sendCode', bodyContains: PEOPLE[0] });
		const result = await runNode({
			parameters: tts(),
			items: itemsFor(PEOPLE.slice(0, 3)),
			credentials,
		});

		expect(result.error.message).toMatch(/^Itniotech error -26/);
		expect(result.error.context.itemIndex).toBe(0);
		expect([...accepted().keys()].sort()).toEqual([PEOPLE[1], PEOPLE[2]]);
		expectNobodyCalledTwice();

		const { calls } = result.error.context;
		expect(calls.placed).toEqual([
			{ item: 1, number: PEOPLE[1], voiceId: voiceIdOf(PEOPLE[1]) },
			{ item: 2, number: PEOPLE[2], voiceId: voiceIdOf(PEOPLE[2]) },
		]);
		expect(calls.notPlaced).toEqual([
			{ item: 0, number: PEOPLE[0], reason: expect.stringMatching(/^Itniotech error -26/) },
		]);
		expect(calls.unknown).toEqual([]);
		expect(calls.notSent).toEqual([]);
		const description = result.error.description;
		expect(description).toContain(
			`Placed — do not send these again: item 1: ${PEOPLE[1]} → ${voiceIdOf(PEOPLE[1])}; item 2: ${PEOPLE[2]} → ${voiceIdOf(PEOPLE[2])}.`,
		);
		expect(description).toContain(
			`Not placed — send only these again: item 0: ${PEOPLE[0]} (Itniotech error -26`,
		);

		// Following the advice (send only item 0 again, now that its rate is fixed) calls nobody twice.
		sim.requests = [];
		const again = await runNode({ parameters: tts(), items: itemsFor([PEOPLE[0]]), credentials });
		expect(again.error).toBeUndefined();
		expect([...accepted().keys()].sort()).toEqual(PEOPLE.slice(0, 3));
		expectNobodyCalledTwice();
	});

	test("accepted, then the connection dropped: that item is of unknown outcome with its callee; its neighbours' voiceIds are kept", async () => {
		sim.inject({ kind: 'dropAnswer', path: '/voice/sendCode', bodyContains: PEOPLE[1] });
		const result = await runNode({
			parameters: tts(),
			items: itemsFor(PEOPLE.slice(0, 3)),
			credentials,
		});

		// The simulator placed all three calls, once each; the node never learnt item 1's voiceId.
		expect([...accepted().keys()].sort()).toEqual(PEOPLE.slice(0, 3));
		expectNobodyCalledTwice();
		expect(result.error.message).toMatch(
			/closed before an answer arrived: the request may have reached Itniotech/,
		);
		expect(result.error.context.itemIndex).toBe(1);
		const { calls } = result.error.context;
		expect(calls.placed).toEqual([
			{ item: 0, number: PEOPLE[0], voiceId: voiceIdOf(PEOPLE[0]) },
			{ item: 2, number: PEOPLE[2], voiceId: voiceIdOf(PEOPLE[2]) },
		]);
		expect(calls.unknown).toEqual([{ item: 1, number: PEOPLE[1], reason: result.error.message }]);
		expect(calls.notPlaced).toEqual([]);
		const description = result.error.description;
		expect(description).toContain(
			`item 0: ${PEOPLE[0]} → ${voiceIdOf(PEOPLE[0])}; item 2: ${PEOPLE[2]} → ${voiceIdOf(PEOPLE[2])}`,
		);
		expect(description).toContain(
			`Outcome unknown — check these with Call Record → Get Many (or the Itniotech console) before sending them again: item 1: ${PEOPLE[1]}.`,
		);
		expect(description).not.toMatch(/send only these again/); // nothing is safe to send blindly
	});

	test('after the first failure no new item starts: with 1 at a time, the items after it are listed as not sent', async () => {
		sim.inject({ kind: 'status', status: '-10', path: '/voice/sendCode', bodyContains: PEOPLE[1] });
		const result = await runNode({
			parameters: tts({ options: { timeoutSeconds: 5, concurrency: 1 } }),
			items: itemsFor(PEOPLE),
			credentials,
		});
		expect(result.error.message).toMatch(/^Itniotech error -10/);
		expect(sim.requests).toHaveLength(2);
		expect([...accepted().keys()]).toEqual([PEOPLE[0]]);
		const { calls } = result.error.context;
		expect(calls.placed).toEqual([{ item: 0, number: PEOPLE[0], voiceId: voiceIdOf(PEOPLE[0]) }]);
		expect(calls.notSent).toEqual([2, 3, 4].map((item) => ({ item, number: null })));
		expect(result.error.description).toContain(
			`Not placed — send only these again: item 1: ${PEOPLE[1]} (Itniotech error -10: `,
		);
		expect(result.error.description).toMatch(/; items 2–4 \(not sent\)\.$/);
	});

	test("group call, chunk 2 of 3 accepted but its answer dropped: chunk 1's callee → voiceId pairs are kept, chunk 2 is unknown, chunk 3 not sent", async () => {
		sim.inject({ kind: 'dropAnswer', path: '/voice/sendGroup', after: 1 });
		const list = numbers(450);
		const result = await runNode({ parameters: group(list.join(',')), credentials });

		expect(sim.sent.map((s) => s.callees.length)).toEqual([200, 200]);
		expectNobodyCalledTwice();
		expect(result.error.message).toMatch(/may have reached Itniotech/);
		const { calls } = result.error.context;
		const first = sim.sent[0];
		expect(calls.placed).toEqual(
			first.callees.map((callee, i) => ({ item: 0, number: callee, voiceId: first.voiceIds[i] })),
		);
		expect(calls.unknown.map((entry) => entry.number)).toEqual(list.slice(200, 400));
		expect(calls.notSent).toEqual(list.slice(400).map((callee) => ({ item: 0, number: callee })));
		expect(calls.notPlaced).toEqual([]);

		const description = result.error.description;
		for (const i of [0, 117, 199])
			expect(description).toContain(`${list[i]} → ${first.voiceIds[i]}`);
		expect(description).toContain(`before sending them again: item 0: ${list[200]}, `);
		expect(description).toContain(`Not placed — send only these again: item 0: ${list[400]}, `);
		expect(description).toMatch(new RegExp(`${list[449]} \\(not sent\\)\\.$`));
		// One instruction: no callee is both "check first" and "send again".
		const [, resend] = description.split('Not placed — send only these again:');
		for (const callee of list.slice(0, 400)) expect(resend).not.toContain(callee);
	});

	test("n8n's Retry On Fail would re-run the whole node and call everybody again: a send refuses to start with it", async () => {
		const result = await runNode({
			parameters: tts(),
			items: itemsFor(PEOPLE.slice(0, 2)),
			credentials,
			settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});
		expect(result.error.message).toMatch(/Turn off Retry On Fail in this node's Settings/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Continue On Fail on: accepted calls are output, the failed item is an error item at its position', () => {
	test('TTS, item 1 refused: items 0 and 2 keep their voiceIds; item 1 says it was not placed', async () => {
		sim.inject({ kind: 'status', status: '-26', path: '/voice/sendCode', bodyContains: PEOPLE[1] });
		const result = await runNode({
			parameters: tts(),
			items: itemsFor(PEOPLE.slice(0, 3)),
			credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2]);
		expect(result.items[0].json).toEqual({ voiceId: voiceIdOf(PEOPLE[0]), number: PEOPLE[0] });
		expect(result.items[2].json).toEqual({ voiceId: voiceIdOf(PEOPLE[2]), number: PEOPLE[2] });
		expect(result.items[1].json).toMatchObject({
			error: expect.stringMatching(/^Itniotech error -26/),
			code: '-26',
		});
		expect(result.items[1].json.calls.notPlaced).toEqual([
			{ item: 1, number: PEOPLE[1], reason: result.items[1].json.error },
		]);
		expectNobodyCalledTwice();
	});

	test('TTS, item 1 accepted then dropped: its error item names the callee as of unknown outcome', async () => {
		sim.inject({ kind: 'dropAnswer', path: '/voice/sendCode', bodyContains: PEOPLE[1] });
		const result = await runNode({
			parameters: tts(),
			items: itemsFor(PEOPLE.slice(0, 3)),
			credentials,
			continueOnFail: true,
		});
		expect(result.items.map((i) => i.json.voiceId ?? 'error')).toEqual([
			voiceIdOf(PEOPLE[0]),
			'error',
			voiceIdOf(PEOPLE[2]),
		]);
		expect(result.items[1].json.calls.unknown).toEqual([
			{ item: 1, number: PEOPLE[1], reason: result.items[1].json.error },
		]);
		expect(result.items[1].json.description).toContain(
			`before sending them again: item 1: ${PEOPLE[1]}.`,
		);
		expect(accepted().size).toBe(3);
		expectNobodyCalledTwice();
	});

	test("group call, chunk 2 of 3 refused: chunk 1's 200 callees are output with their voiceIds, then one error item for the rest", async () => {
		sim.inject({ kind: 'status', status: '-18', path: '/voice/sendGroup', after: 1 });
		const list = numbers(450);
		const result = await runNode({
			parameters: group(list.join(',')),
			credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(201);
		expect(result.items.every((i) => i.pairedItem.item === 0)).toBe(true);
		const first = sim.sent[0];
		expect(result.items.slice(0, 200).map((i) => [i.json.number, i.json.voiceId])).toEqual(
			first.callees.map((callee, i) => [callee, first.voiceIds[i]]),
		);
		const failed = result.items[200].json;
		expect(failed.error).toMatch(/^Itniotech error -18/);
		expect(failed.calls.notPlaced.map((entry) => entry.number)).toEqual(list.slice(200, 400));
		expect(failed.calls.notSent.map((entry) => entry.number)).toEqual(list.slice(400));
		expect(failed.description).toContain(
			`Not placed — send only these again: item 0: ${list[200]}, `,
		);
		expect(sim.sent).toHaveLength(1);
	});
});

describe('error output (On Error → Continue (using error output))', () => {
	const errorOutput = { onError: 'continueErrorOutput' };

	test('TTS, item 1 accepted then dropped: items 0 and 2 on the main output, item 1 on the error output with its pairedItem', async () => {
		sim.inject({ kind: 'dropAnswer', path: '/voice/sendCode', bodyContains: PEOPLE[1] });
		const result = await runNode({
			parameters: tts(),
			items: itemsFor(PEOPLE.slice(0, 3)),
			credentials,
			settings: errorOutput,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.pairedItem.item, i.json.voiceId])).toEqual([
			[0, voiceIdOf(PEOPLE[0])],
			[2, voiceIdOf(PEOPLE[2])],
		]);
		expect(result.errorItems).toHaveLength(1);
		const [failed] = result.errorItems;
		expect(failed.pairedItem).toEqual({ item: 1 });
		// n8n routes { error } / { error, message } items to the error output (1.x and 2.x alike).
		expect(Object.keys(failed.json).sort()).toEqual(['error', 'message']);
		expect(failed.json.error).toMatch(/may have reached Itniotech/);
		expect(failed.json.message).toContain(`before sending them again: item 1: ${PEOPLE[1]}.`);
		expectNobodyCalledTwice();
	});

	test("group call, chunk 2 of 3 refused: chunk 1's callees on the main output, the rest reported on the error output", async () => {
		sim.inject({ kind: 'status', status: '-18', path: '/voice/sendGroup', after: 1 });
		const list = numbers(450);
		const result = await runNode({
			parameters: group(list.join(',')),
			credentials,
			settings: errorOutput,
		});
		expect(result.items.map((i) => i.json.number)).toEqual(list.slice(0, 200));
		expect(result.items.map((i) => i.json.voiceId)).toEqual(sim.sent[0].voiceIds);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].pairedItem).toEqual({ item: 0 });
		expect(result.errorItems[0].json.message).toContain(
			`Not placed — send only these again: item 0: ${list[200]}, `,
		);
	});

	test('any operation: a failed read goes to the error output, the others to the main output', async () => {
		sim.inject({ kind: 'status', status: '-22', path: '/voice/recordGroup/32' });
		const result = await runNode({
			parameters: {
				resource: 'callRecord',
				operation: 'getGroupRecord',
				voiceId: '={{ $json.id }}',
				options: {},
			},
			items: ['31', '32', '33'].map((id) => ({ json: { id } })),
			credentials,
			settings: errorOutput,
		});
		expect(result.items.map((i) => [i.pairedItem.item, i.json.voiceId])).toEqual([
			[0, '31'],
			[2, '33'],
		]);
		expect(result.errorItems.map((i) => [i.pairedItem.item, i.json.error])).toEqual([
			[1, expect.stringMatching(/^Itniotech error -22/)],
		]);
	});
});
