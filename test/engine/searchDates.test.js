'use strict';
/**
 * Search From/To as n8n really hands them over (issue #14): Luxon DateTimes from top-level expressions, JS
 * Dates, ISO texts with and without an offset, the date picker's value and Unix timestamps, inside
 * WorkflowExecute against the simulator, whose own two-month rule is the oracle.
 */
const { DateTime } = require('luxon');
const {
	runNode,
	useSimulator,
	signedHeaders,
	searchRecordsParameters: search,
	EXAMPLE_RECORD,
	DAY,
} = require('../helpers');

const { sim, credentials } = useSimulator();

/**
 * The ranges the node meant by the search windows the simulator answered, as [from, to] in ms: the node asks
 * one second more on each side (vendor times are whole seconds, so edge records are found under every reading
 * of the ends; see common/windowSearch.ts), which is taken off here.
 */
const windowsSent = () =>
	sim.requests
		.filter((r) => r.window)
		.map((r) => [Date.parse(r.window[0]) + 1000, Date.parse(r.window[1]) - 1000]);

/** Runs the node and returns what it did, with the real clock readings around the run. */
async function timedRun(options) {
	const before = Date.now();
	const result = await runNode({ credentials, ...options });
	return { result, before, after: Date.now() };
}

/** `ms` (a time the node computed from its clock) lies within [low, high], to the whole second sent. */
function expectWithin(ms, low, high) {
	expect(ms).toBeGreaterThanOrEqual(Math.floor(low / 1000) * 1000);
	expect(ms).toBeLessThanOrEqual(high);
}

test('From {{ $now.minus({ days: 7 }) }} and To {{ $now }}, as the Luxon DateTimes n8n hands over, search the last 7 days', async () => {
	const now = Date.now();
	sim.groupHistory = [
		{ ...EXAMPLE_RECORD, voiceId: '7001', submitTime: new Date(now - 8 * DAY).toISOString() },
		{ ...EXAMPLE_RECORD, voiceId: '7002', submitTime: new Date(now - 3 * DAY).toISOString() },
	];
	const { result, before, after } = await timedRun({
		parameters: search('={{ $now.minus({ days: 7 }) }}', '={{ $now }}'),
	});
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.json.voiceId)).toEqual(['7002']);
	const [[from, to]] = windowsSent();
	expectWithin(from, before - 7 * DAY, after - 7 * DAY);
	expectWithin(to, before, after);
});

test('SIP search: a JS Date from {{ new Date(...) }} is accepted too', async () => {
	const { result, before, after } = await timedRun({
		parameters: {
			resource: 'sipRecord',
			operation: 'search',
			from: '={{ new Date(Date.now() - 3 * 86400000) }}',
			to: '={{ $now.toJSDate() }}',
			returnAll: true,
			options: {},
		},
	});
	expect(result.error).toBeUndefined();
	const [[from]] = windowsSent();
	expectWithin(from, before - 3 * DAY, after - 3 * DAY);
	expect(sim.requests[0].path).toBe('/voice/recordSipQuery');
});

test('a From of exactly {{ $now.minus({ months: 2 }) }} is accepted, as a DateTime and as .toISO(), on every item, and the simulator agrees', async () => {
	const from =
		'={{ $json.form === "iso" ? $now.minus({ months: 2 }).toISO() : $now.minus({ months: 2 }) }}';
	const { result } = await timedRun({
		parameters: search(from, '={{ $now.minus({ months: 2 }).plus({ days: 1 }) }}'),
		items: [
			{ json: { form: 'dateTime' } },
			{ json: { form: 'iso' } },
			{ json: { form: 'dateTime' } },
		],
		// The simulator counts months in UTC; a UTC workflow keeps both sides on the same calendar.
		workflowSettings: { timezone: 'UTC' },
	});
	expect(result.error).toBeUndefined();
	expect(windowsSent()).toHaveLength(3);
	expect(sim.requests.every((r) => r.answeredStatus === '0')).toBe(true);
});

test("the date picker's value (no offset) is read in the workflow's time zone", async () => {
	const zone = 'Asia/Kolkata';
	const picked = DateTime.now().setZone(zone).minus({ days: 2 }).startOf('second');
	const { result } = await timedRun({
		parameters: search(picked.toFormat("yyyy-MM-dd'T'HH:mm:ss"), '={{ $now }}'),
		workflowSettings: { timezone: zone },
	});
	expect(result.error).toBeUndefined();
	const [[from]] = windowsSent();
	expect(from).toBe(picked.toMillis());
});

test.each([
	['{{ $now.minus({ days: 3 }).toUnixInteger() }}', 'seconds (a 10-digit number)'],
	['{{ $now.minus({ days: 3 }).toSeconds() }}', 'seconds with a fraction'],
	['{{ $now.minus({ days: 3 }).toMillis() }}', 'milliseconds (a 13-digit number)'],
	['{{ String($now.minus({ days: 3 }).toUnixInteger()) }}', 'seconds as 10 digits of text'],
	['{{ String($now.minus({ days: 3 }).toMillis()) }}', 'milliseconds as 13 digits of text'],
])('From %s: a Unix timestamp in %s', async (expression) => {
	const { result, before, after } = await timedRun({
		parameters: search(`=${expression}`, '={{ $now.toMillis() }}'),
	});
	expect(result.error).toBeUndefined();
	const [[from, to]] = windowsSent();
	expectWithin(from, before - 3 * DAY, after - 3 * DAY);
	expectWithin(to, before, after);
});

test.each([
	['March 5', 'From', 'Got "March 5"'], // Date.parse made this 5 March 2001
	['={{ "1" }}', 'From', 'Got "1"'], // Date.parse made this 1 January 2001
	['={{ 42 }}', 'From', 'Got the number 42'],
	['={{ "2026-03-05T10:00:00+99:99" }}', 'From', 'Got "2026-03-05T10:00:00+99:99"'],
])(
	'From %p is refused before any request, naming field, item, what came and what is allowed',
	async (from, field, got) => {
		const { result } = await timedRun({ parameters: search(from, '={{ $now }}') });
		expect(result.error.message).toBe(
			`The ${field} date in item 0 is not a date this node can read`,
		);
		expect(result.error.description).toContain(got);
		expect(result.error.description).toMatch(
			/ISO 8601 .* Unix timestamp, 10 digits for seconds or 13 for milliseconds/,
		);
		expect(sim.requests).toHaveLength(0);
	},
);

test('an empty To is "missing", with continue-on-fail only on its own item', async () => {
	const { result } = await timedRun({
		parameters: search('={{ $now.minus({ days: 1 }) }}', '={{ $json.to }}'),
		items: [{ json: { to: '' } }, { json: { to: new Date().toISOString() } }],
		continueOnFail: true,
	});
	expect(result.error).toBeUndefined();
	expect(result.items[0].json.error).toBe('The To date in item 0 is missing');
	expect(result.items[0].json.description).toContain('Got nothing');
	expect(windowsSent()).toHaveLength(1);
});

describe("the simulator's own two-month rule (the oracle) clamps at month ends", () => {
	async function query(strTime, endTime) {
		const response = await fetch(`${credentials.baseUrl}/voice/recordGroupQuery`, {
			method: 'POST',
			headers: signedHeaders({ nowMs: sim.now() }),
			body: JSON.stringify({ current: 1, size: 10, params: { strTime, endTime } }),
		});
		return (await response.json()).status;
	}

	test.each([
		['2026-04-30T10:00:00Z', '2026-02-28T10:00:00+00:00', '0'], // 30 April → 28 February, not 2 March
		['2026-04-30T10:00:00Z', '2026-02-28T09:58:00+00:00', '-22'],
		['2028-04-30T10:00:00Z', '2028-02-29T10:00:00+00:00', '0'],
		['2026-05-31T10:00:00Z', '2026-03-31T10:00:00+00:00', '0'],
		['2026-05-31T10:00:00Z', '2026-03-31T09:58:00+00:00', '-22'],
	])('now %s: from %s → status %s', async (now, strTime, status) => {
		sim.now = () => Date.parse(now);
		expect(await query(strTime, new Date(Date.parse(strTime) + DAY).toISOString())).toBe(status);
	});
});
