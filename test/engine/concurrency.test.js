'use strict';
/** Batching: bounded concurrency that keeps input order, a requests-per-second cap, parallel paging. */
const { runNode, useSimulator, EXAMPLE_RECORD } = require('../helpers');

const { sim, credentials } = useSimulator({ latencyMs: 25 });

const lookups = (limits, extra = {}) => ({
	resource: 'callRecord',
	operation: 'getGroupRecord',
	voiceId: '={{ $json.id }}',
	options: limits,
	...extra,
});
// Shuffled IDs so that order can only come out right if the node restores it.
const ids = Array.from({ length: 120 }, (_, i) => String(100000 + ((i * 7919) % 120)));
const items = ids.map((id) => ({ json: { id } }));

test.each([[1], [4], [16]])(
	'concurrency %i: never more in flight, output in input order',
	async (concurrency) => {
		const result = await runNode({ parameters: lookups({ concurrency }), items, credentials });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.voiceId)).toEqual(ids);
		expect(result.items.map((i) => i.pairedItem.item)).toEqual(ids.map((_, i) => i));
		expect(sim.maxInFlight).toBeLessThanOrEqual(concurrency);
		expect(sim.maxInFlight).toBeGreaterThanOrEqual(Math.min(concurrency, 2)); // and it really ran in parallel
		expect(sim.requests).toHaveLength(ids.length);
	},
);

test('the default is 5 at once', async () => {
	const result = await runNode({ parameters: lookups(undefined), items, credentials });
	expect(result.error).toBeUndefined();
	expect(sim.maxInFlight).toBe(5);
});

// How the cap spaces request starts is measured where batching lets them through, on a fake clock
// (test/unit/batchingRate.test.js); here only that a capped run still answers every item in order.
test('a requests-per-second cap still answers every item, in order', async () => {
	const result = await runNode({
		parameters: lookups({ concurrency: 10, requestsPerSecond: 50 }),
		items: items.slice(0, 10),
		credentials,
	});
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.json.voiceId)).toEqual(ids.slice(0, 10));
	expect(sim.requests).toHaveLength(10);
});

test.each([
	[
		{ concurrency: 0 },
		/Max Concurrent Requests option in item 0 must be a whole number from 1 to 50/,
	],
	[
		{ concurrency: 51 },
		/Max Concurrent Requests option in item 0 must be a whole number from 1 to 50/,
	],
	[
		{ requestsPerSecond: -1 },
		/Max Requests per Second option in item 0 must be a number from 0 to 1000/,
	],
])('bad request limits %p are refused before any request', async (limits, message) => {
	const result = await runNode({
		parameters: lookups(limits),
		items: items.slice(0, 3),
		credentials,
	});
	expect(result.error.message).toMatch(message);
	expect(sim.requests).toHaveLength(0);
});

// One at a time the stop is exact; several at a time, items beside the failing one may finish (and free
// slots for a few more) while its answer is on the way, so only "far fewer than all" holds there.
test.each([
	[1, (count) => expect(count).toBe(31)],
	[4, (count) => expect(count).toBeLessThan(60)],
])(
	'a failure stops new items at %p at a time; the error names the failing item',
	async (concurrency, expectCount) => {
		sim.inject({ kind: 'status', status: '-22', path: `/voice/recordGroup/${ids[30]}` });
		const result = await runNode({ parameters: lookups({ concurrency }), items, credentials });
		expect(result.error.message).toMatch(/^Itniotech error -22/);
		expect(result.error.context.itemIndex).toBe(30);
		expectCount(sim.requests.length);
	},
);

// Items' Voice IDs are read ahead of their turn (common/readAhead.ts); a bad one must still fail on its own turn.
test("a bad Voice ID read ahead fails on its item's turn: every item before it is looked up, and the error names it", async () => {
	const withBadId = items
		.slice(0, 20)
		.map((item, i) => (i === 12 ? { json: { id: 'not-an-id' } } : item));
	const result = await runNode({
		parameters: lookups({ concurrency: 4 }),
		items: withBadId,
		credentials,
	});
	expect(result.error.message).toMatch(/Voice ID/);
	expect(result.error.context.itemIndex).toBe(12);
	const asked = sim.requests.map((r) => r.path);
	for (const id of ids.slice(0, 12)) expect(asked).toContain(`/voice/recordGroup/${id}`);
	expect(asked.length).toBeLessThanOrEqual(12 + 4);
});

test('with continue-on-fail, a bad Voice ID read ahead becomes an error item at its position; nothing is sent for it', async () => {
	const withBadId = items
		.slice(0, 20)
		.map((item, i) => (i === 5 ? { json: { id: 'not-an-id' } } : item));
	const result = await runNode({
		parameters: lookups({ concurrency: 4 }),
		items: withBadId,
		credentials,
		continueOnFail: true,
	});
	expect(result.items).toHaveLength(20);
	expect(result.items[5].json.error).toMatch(/Voice ID/);
	expect(result.items.filter((i) => i.json.error)).toHaveLength(1);
	expect(result.items.map((i) => i.json.voiceId ?? null)).toEqual(
		ids.slice(0, 20).map((id, i) => (i === 5 ? null : id)),
	);
	expect(sim.requests).toHaveLength(19);
});

test('error output: an expression that throws for an item read ahead sends that item to the error output with its pairedItem', async () => {
	const parameters = lookups(
		{ concurrency: 4 },
		{ voiceId: '={{ $json.id ? $json.id : $("No Such Node").item.json.id }}' },
	);
	const withMissingId = items.slice(0, 12).map((item, i) => (i === 9 ? { json: {} } : item));
	const result = await runNode({
		parameters,
		items: withMissingId,
		credentials,
		settings: { onError: 'continueErrorOutput' },
	});
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11]);
	expect(result.errorItems).toHaveLength(1);
	expect(result.errorItems[0].pairedItem).toEqual({ item: 9 });
	expect(result.errorItems[0].json.error).toMatch(/Referenced node doesn't exist/);
	expect(sim.requests).toHaveLength(11);
});

test('with continue-on-fail and concurrency, the error item stays at its position', async () => {
	sim.inject({ kind: 'status', status: '-22', path: `/voice/recordGroup/${ids[7]}` });
	const result = await runNode({
		parameters: lookups({ concurrency: 8 }),
		items: items.slice(0, 20),
		credentials,
		continueOnFail: true,
	});
	expect(result.items).toHaveLength(20);
	expect(result.items[7].json.error).toMatch(/-22/);
	expect(result.items.filter((i) => i.json.error)).toHaveLength(1);
	expect(result.items.map((i) => i.pairedItem.item)).toEqual([...Array(20).keys()]);
});

test('Return All reads page 1, then the other pages in parallel, and keeps time order', async () => {
	const now = Date.now();
	sim.groupHistory = Array.from({ length: 1050 }, (_, i) => ({
		...EXAMPLE_RECORD,
		voiceId: String(900000 + i),
		submitTime: new Date(now - 10 * 86400000 + i * 60000).toISOString(),
	}));
	const result = await runNode({
		parameters: {
			resource: 'callRecord',
			operation: 'searchGroupRecords',
			from: new Date(now - 11 * 86400000).toISOString(),
			to: new Date(now).toISOString(),
			returnAll: true,
			options: { concurrency: 4 },
		},
		credentials,
	});
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1050);
	expect(result.items.map((i) => i.json.voiceId)).toEqual(sim.groupHistory.map((r) => r.voiceId));
	const pages = sim.requests.map((r) => JSON.parse(r.body).current);
	expect(pages[0]).toBe(1);
	expect([...pages].sort((a, b) => a - b)).toEqual([...Array(11).keys()].map((i) => i + 1));
	expect(sim.maxInFlight).toBeGreaterThan(1);
	expect(sim.maxInFlight).toBeLessThanOrEqual(4);
});
