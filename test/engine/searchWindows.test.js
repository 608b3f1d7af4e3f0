'use strict';
/**
 * Issue #14, item 5: searches over several ≤31-day windows. The reference leaves open whether a window's
 * ends are inclusive, in which order pages run and whether `status` is a string or a number; the simulator
 * serves each reading and every search here must come out the same under all of them: each record once,
 * and Limit = the newest records of the whole range, output oldest first.
 */
const { useSimulator } = require('../harness/simulatorFixture');
const { runNode } = require('../harness/engine');
const { EXAMPLE_RECORD } = require('../../simulator/records');

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
let sim;
let credentials;
const fixture = useSimulator();
beforeAll(() => ({ sim, credentials } = fixture));

/** The vendor's style: local time with +08:00, whole seconds. */
function vendorTime(ms) {
	return `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

/**
 * A 50-day range (so two windows, split 31 days after From) with a record every 4 hours strictly inside it,
 * and one exactly on the window boundary, which an inclusive-ends vendor returns from both windows.
 */
function scenario() {
	const from = Math.floor((Date.now() - 50 * DAY) / 1000) * 1000;
	const to = from + 50 * DAY;
	const boundary = from + 31 * DAY;
	const times = [];
	for (let t = from + HOUR; t < to; t += 4 * HOUR) if (t !== boundary) times.push(t);
	times.push(boundary);
	times.sort((a, b) => a - b);
	const records = times.map((t, i) => ({
		...EXAMPLE_RECORD,
		voiceId: t === boundary ? '7777777' : String(1000000 + i),
		submitTime: vendorTime(t),
	}));
	return { from, to, boundary, records, ids: records.map((r) => r.voiceId) };
}

const search = (from, to, extra = {}) => ({
	resource: 'callRecord',
	operation: 'searchGroupRecords',
	from: new Date(from).toISOString(),
	to: new Date(to).toISOString(),
	returnAll: true,
	options: {},
	...extra,
});

const READINGS = [];
for (const [ends, inclusiveStart, inclusiveEnd] of [
	['[start, end)', true, false],
	['[start, end]', true, true],
	['(start, end]', false, true],
]) {
	for (const newestFirst of [true, false]) {
		for (const statusAsNumber of [false, true]) {
			const name = `${ends}, ${newestFirst ? 'newest' : 'oldest'} first, status as ${statusAsNumber ? 'number' : 'string'}`;
			READINGS.push([name, { inclusiveStart, inclusiveEnd, newestFirst, statusAsNumber }]);
		}
	}
}

describe.each(READINGS)('vendor reading: %s', (_name, reading) => {
	let data;
	beforeEach(() => {
		Object.assign(sim, reading);
		data = scenario();
		sim.groupHistory = data.records;
	});

	test('Return All: every record once (the boundary record too), oldest first, in ≤31-day queries', async () => {
		const result = await runNode({ parameters: search(data.from, data.to), credentials });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.voiceId)).toEqual(data.ids);
		const windows = sim.requests.filter((r) => r.window).map((r) => r.window.map(Date.parse));
		expect(new Set(windows.map(String)).size).toBe(2);
		for (const [start, end] of windows) expect(end - start).toBeLessThanOrEqual(31 * DAY);
		// The premise: one window ends and the next begins on the boundary record's second, so an inclusive
		// vendor returns it from both.
		expect(windows.map(([start]) => start)).toContain(data.boundary);
		expect(windows.map(([, end]) => end)).toContain(data.boundary);
	});

	test.each([
		['3 (the user\'s case: the newest 3 of the whole range, not of the oldest window)', () => 3],
		['reaching across the boundary into the older window', (d) => d.records.filter((r) => Date.parse(r.submitTime) > d.boundary).length + 3],
		['more than a page in each window', () => 150],
	])('Limit %s: the newest records of the range, each once, oldest first', async (_what, limitOf) => {
		const limit = limitOf(data);
		const result = await runNode({ parameters: search(data.from, data.to, { returnAll: false, limit }), credentials });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.voiceId)).toEqual(data.ids.slice(-limit));
	});

	test('Limit 3 reads only the pages that hold the newest records', async () => {
		await runNode({ parameters: search(data.from, data.to, { returnAll: false, limit: 3 }), credentials });
		// Newest window only: page 1, and when pages run oldest first, the last page (page 1 shows the order).
		expect(sim.requests).toHaveLength(reading.newestFirst ? 1 : 2);
		expect(new Set(sim.requests.map((r) => r.window.join()))).toEqual(new Set([sim.requests[0].window.join()]));
		expect(Date.parse(sim.requests[0].window[1])).toBe(data.to);
	});

	test('unknown voice IDs still get -22', async () => {
		const result = await runNode({
			parameters: { resource: 'sipRecord', operation: 'get', voiceId: '123456789', options: {} },
			credentials,
		});
		expect(result.error.message).toMatch(/^Itniotech error -22/);
	});
});

test('SIP search shares the rule: the boundary record once under inclusive ends', async () => {
	Object.assign(sim, { inclusiveStart: true, inclusiveEnd: true, newestFirst: false });
	const data = scenario();
	sim.sipHistory = data.records.map((r) => ({ ...r, sipGroupName: 'Support' }));
	const result = await runNode({ parameters: { ...search(data.from, data.to), resource: 'sipRecord', operation: 'search' }, credentials });
	expect(result.items.map((i) => i.json.voiceId)).toEqual(data.ids);
});

test('a vendor page order the node cannot tell (all on one second) is read in full rather than guessed', async () => {
	const data = scenario();
	const second = vendorTime(data.to - HOUR);
	sim.groupHistory = Array.from({ length: 250 }, (_, i) => ({ ...EXAMPLE_RECORD, voiceId: String(9000 + i), submitTime: second }));
	const result = await runNode({ parameters: search(data.from, data.to, { returnAll: false, limit: 5 }), credentials });
	expect(result.items).toHaveLength(5);
	expect(sim.requests.filter((r) => Date.parse(r.window[1]) === data.to)).toHaveLength(3);
});
