'use strict';
// The requests-per-second cap and the start spacing, measured where the request limiter lets requests
// through, on a fake clock: what the limit controls, independent of how busy the machine is.
const {
	RequestLimiter,
	MIN_START_SPACING_MS,
} = require('../../dist/nodes/Itniotech/api/transport/requestLimiter.js');
const { REQUESTS_PER_SECOND_MAX } = require('../../dist/nodes/Itniotech/common/fields.js');

function fakeClock(start = 1_000) {
	const clock = { t: start, sleeps: [] };
	clock.now = () => clock.t;
	clock.sleep = async (ms) => {
		clock.sleeps.push(ms);
		const target = clock.t + ms;
		await Promise.resolve();
		clock.t = Math.max(clock.t, target);
	};
	return clock;
}

async function releaseTimes(limiter, count) {
	return await Promise.all(
		Array.from({ length: count }, async () => {
			const at = await limiter.acquire();
			limiter.release();
			return at;
		}),
	);
}

test('20 requests per second: ten starts released 50 ms apart', async () => {
	const clock = fakeClock();
	const times = await releaseTimes(
		new RequestLimiter({ concurrency: 10, requestsPerSecond: 20 }, clock),
		10,
	);
	const sorted = [...times].sort((a, b) => a - b);
	expect(sorted).toEqual(Array.from({ length: 10 }, (_, i) => 1_000 + i * 50));
});

test('the cap holds when the concurrency limit also queues requests', async () => {
	const clock = fakeClock();
	const limiter = new RequestLimiter({ concurrency: 2, requestsPerSecond: 4 }, clock);
	const times = (await releaseTimes(limiter, 6)).sort((a, b) => a - b);
	for (let i = 1; i < times.length; i++)
		expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(250);
});

test('start spacing without a cap: requests asked for together start 1 ms apart (answers do not come back in bunches), nothing more', async () => {
	const clock = fakeClock();
	const times = await releaseTimes(
		new RequestLimiter({ concurrency: 3, requestsPerSecond: 0, spaceStarts: true }, clock),
		9,
	);
	expect([...times].sort((a, b) => a - b)).toEqual(Array.from({ length: 9 }, (_, i) => 1_000 + i));
	expect(clock.sleeps.length).toBeGreaterThan(0);
	expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(8);
});

test('without spacing or a cap, requests start at once, with no wait', async () => {
	const clock = fakeClock();
	const times = await releaseTimes(
		new RequestLimiter({ concurrency: 3, requestsPerSecond: 0 }, clock),
		9,
	);
	expect(times).toEqual(Array.from({ length: 9 }, () => 1_000));
	expect(clock.sleeps).toEqual([]);
});

test('the start spacing allows no more than the highest Max Requests per Second the field accepts', () => {
	expect(1000 / MIN_START_SPACING_MS).toBe(REQUESTS_PER_SECOND_MAX);
});

test('start spacing: a request asked for after the spacing has passed does not wait at all', async () => {
	const clock = fakeClock();
	const limiter = new RequestLimiter(
		{ concurrency: 3, requestsPerSecond: 0, spaceStarts: true },
		clock,
	);
	expect(await releaseTimes(limiter, 1)).toEqual([1_000]);
	clock.t += 5;
	expect(await releaseTimes(limiter, 1)).toEqual([1_005]);
	expect(clock.sleeps).toEqual([]);
});

test('never more than the concurrency limit run at once', async () => {
	const limiter = new RequestLimiter({ concurrency: 3, requestsPerSecond: 0 }, fakeClock());
	let active = 0;
	let most = 0;
	await Promise.all(
		Array.from({ length: 12 }, async () => {
			await limiter.acquire();
			active++;
			most = Math.max(most, active);
			await new Promise((resolve) => setImmediate(resolve));
			active--;
			limiter.release();
		}),
	);
	expect(most).toBe(3);
});
