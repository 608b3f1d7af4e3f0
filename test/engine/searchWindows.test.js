'use strict';
/**
 * Issue #14, item 5: searches over several ≤31-day windows. The reference leaves open whether a window's
 * ends are inclusive, in which order pages run and whether `status` is a string or a number; the simulator
 * serves each reading and every search here must come out the same under all of them: each record once,
 * and Limit = the newest records of the whole range, output oldest first.
 */
const {
	runNode,
	useSimulator,
	searchRecordsParameters,
	EXAMPLE_RECORD,
	HOUR,
	DAY,
	vendorTime,
} = require('../helpers');

const { sim, credentials } = useSimulator();

/**
 * A 50-day range (so two windows, split 31 days after From) with a record every 4 hours strictly inside it,
 * and one exactly on the window boundary, which an inclusive-ends vendor returns from both windows.
 */
function scenario() {
	const from = Math.floor((Date.now() - 50 * DAY) / 1000) * 1000;
	const to = from + 50 * DAY;
	// Where the node splits: 31 days less the two seconds by which it widens each window (see windowSearch).
	const boundary = from + 31 * DAY - 2000;
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

const search = (from, to, extra) =>
	searchRecordsParameters(new Date(from).toISOString(), new Date(to).toISOString(), extra);

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
		// The premise: the boundary record lies inside both windows asked for (each a second wider than the
		// split), so a vendor returns it from both, whatever it counts as inside.
		for (const [start, end] of windows) {
			expect(start).toBeLessThan(data.boundary);
			expect(end).toBeGreaterThan(data.boundary);
		}
	});

	test.each([
		["3 (the user's case: the newest 3 of the whole range, not of the oldest window)", () => 3],
		[
			'reaching across the boundary into the older window',
			(d) => d.records.filter((r) => Date.parse(r.submitTime) > d.boundary).length + 3,
		],
		['more than a page in each window', () => 150],
	])(
		'Limit %s: the newest records of the range, each once, oldest first',
		async (_what, limitOf) => {
			const limit = limitOf(data);
			const result = await runNode({
				parameters: search(data.from, data.to, { returnAll: false, limit }),
				credentials,
			});
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json.voiceId)).toEqual(data.ids.slice(-limit));
		},
	);

	test('Limit 3 reads only the pages that hold the newest records', async () => {
		await runNode({
			parameters: search(data.from, data.to, { returnAll: false, limit: 3 }),
			credentials,
		});
		// Newest window only: page 1, and when pages run oldest first, the last page (page 1 shows the order).
		expect(sim.requests).toHaveLength(reading.newestFirst ? 1 : 2);
		expect(new Set(sim.requests.map((r) => r.window.join()))).toEqual(
			new Set([sim.requests[0].window.join()]),
		);
		expect(Date.parse(sim.requests[0].window[1])).toBe(data.to + 1000); // a second past To, see windowSearch
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
	const result = await runNode({
		parameters: { ...search(data.from, data.to), resource: 'sipRecord', operation: 'search' },
		credentials,
	});
	expect(result.items.map((i) => i.json.voiceId)).toEqual(data.ids);
});

test('a vendor page order the node cannot tell (all on one second) is read in full rather than guessed', async () => {
	const data = scenario();
	const second = vendorTime(data.to - HOUR);
	sim.groupHistory = Array.from({ length: 250 }, (_, i) => ({
		...EXAMPLE_RECORD,
		voiceId: String(9000 + i),
		submitTime: second,
	}));
	const result = await runNode({
		parameters: search(data.from, data.to, { returnAll: false, limit: 5 }),
		credentials,
	});
	expect(result.items).toHaveLength(5);
	expect(sim.requests.filter((r) => Date.parse(r.window[1]) === data.to + 1000)).toHaveLength(3);
});

describe('the range is [From, To), whatever the vendor counts as inside', () => {
	test.each([
		['[start, end]', true, true],
		['(start, end]', false, true],
		['[start, end)', true, false],
	])(
		'%s: a record exactly at To is left to the next search; one exactly at From is kept',
		async (_ends, inclusiveStart, inclusiveEnd) => {
			// The node asks a second more on each side, so even a vendor that excludes a query's start finds it.
			Object.assign(sim, { inclusiveStart, inclusiveEnd });
			const from = Math.floor((Date.now() - 10 * DAY) / 1000) * 1000;
			const to = from + 5 * DAY;
			sim.groupHistory = [
				{ ...EXAMPLE_RECORD, voiceId: '100', submitTime: vendorTime(from) },
				{ ...EXAMPLE_RECORD, voiceId: '101', submitTime: vendorTime(from + DAY) },
				{ ...EXAMPLE_RECORD, voiceId: '102', submitTime: vendorTime(to) },
			];
			const first = await runNode({ parameters: search(from, to), credentials });
			const next = await runNode({ parameters: search(to, to + DAY), credentials });
			expect(first.error).toBeUndefined();
			expect(first.items.map((i) => i.json.voiceId)).toEqual(['100', '101']);
			expect(next.items.map((i) => i.json.voiceId)).toEqual(['102']);
		},
	);
});
