'use strict';
// The request limiter's guarantees that engine tests cannot pin down without timing: which items start after
// a failure, and that a send still waiting for its turn is not sent once the run has stopped.
const { itniotechApiRequest } = require('../../dist/nodes/Itniotech/api/transport/request.js');
const {
	SendsStoppedError,
	RequestLimiter,
} = require('../../dist/nodes/Itniotech/api/transport/requestLimiter.js');
const { createRun } = require('../../dist/nodes/Itniotech/api/transport/run.js');
const { settleInOrder } = require('../../dist/nodes/Itniotech/common/inOrder.js');
const { fakeContext, vendorAnswer } = require('../helpers');

/** A context whose HTTP requests stay open until the test answers them. */
function contextWithOpenRequests() {
	const open = [];
	const answer = (options) =>
		new Promise((resolve) =>
			open.push({ body: options.body, answer: (data) => resolve(vendorAnswer(data)) }),
		);
	const credentials = { apiKey: 'key', apiSecret: 'secret' };
	return Object.assign(fakeContext({ credentials, answer }), { open });
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A voice send to `callee` through the transport, in `run`. */
const sendsThrough = (ctx, run) => (callee) =>
	itniotechApiRequest(ctx, run, {
		method: 'POST',
		path: '/voice/sendCode',
		body: { callee },
		itemIndex: 0,
		isSend: true,
	});

test('a send waiting for its turn when the run stops is not sent, and says so; one already sent finishes', async () => {
	const ctx = contextWithOpenRequests();
	const run = createRun(ctx, { concurrency: 1, requestsPerSecond: 0 });
	const send = sendsThrough(ctx, run);
	const first = send('1');
	const second = send('2'); // waits: the only turn is taken
	await flush();
	expect(ctx.open.map((r) => r.body.callee)).toEqual(['1']);

	run.limiter.stopSends();
	ctx.open[0].answer('voice-1');
	await expect(first).resolves.toMatchObject({ data: 'voice-1' });
	await expect(second).rejects.toBeInstanceOf(SendsStoppedError);
	expect(ctx.open).toHaveLength(1); // callee 2 never reached the HTTP helper
});

test('a send handed a slot while it waits out the start spacing is not sent when the run stops meanwhile', async () => {
	const ctx = contextWithOpenRequests();
	const waits = [];
	const clock = {
		t: 1_000,
		now: () => clock.t,
		sleep: (ms) => new Promise((resolve) => waits.push(() => ((clock.t += ms), resolve()))),
	};
	const run = {
		...createRun(ctx),
		limiter: new RequestLimiter({ concurrency: 1, requestsPerSecond: 0, spaceStarts: true }, clock),
	};
	const send = sendsThrough(ctx, run);
	const first = send('111');
	const second = send('222');
	await flush();
	expect(ctx.open.map((request) => request.body.callee)).toEqual(['111']);
	ctx.open[0].answer({ voiceId: '1' }); // in the same millisecond: the second send must wait out the spacing
	await flush();
	expect(waits).toHaveLength(1);
	run.limiter.stopSends();
	waits.shift()();
	await expect(second).rejects.toBeInstanceOf(SendsStoppedError);
	await expect(first).resolves.toMatchObject({ data: { voiceId: '1' } });
	expect(ctx.open.map((request) => request.body.callee)).toEqual(['111']);
});

test('reads are not affected by a stopped run', async () => {
	const ctx = contextWithOpenRequests();
	const run = createRun(ctx, { concurrency: 1, requestsPerSecond: 0 });
	run.limiter.stopSends();
	const read = itniotechApiRequest(ctx, run, {
		method: 'POST',
		path: '/voice/recordGroupQuery',
		body: {},
		itemIndex: 0,
	});
	await flush();
	ctx.open[0].answer({ records: [] });
	await expect(read).resolves.toMatchObject({ status: '0' });
});

test('settleInOrder: with stopOnError no item starts after a failure; the ones in flight settle; onFailure runs at once', async () => {
	const started = [];
	const failures = [];
	const pending = [];
	const work = (index) => {
		started.push(index);
		return new Promise((resolve, reject) => pending.push({ index, resolve, reject }));
	};
	const settled = settleInOrder(6, 2, work, true, () => failures.push(started.length));
	await flush();
	expect(started).toEqual([0, 1]);
	pending[1].reject(new Error('item 1 failed'));
	await flush();
	expect(failures).toEqual([2]); // reported before anything else started
	pending[0].resolve('zero');
	const outcomes = await settled;
	expect(started).toEqual([0, 1]);
	expect(outcomes).toEqual([
		{ ok: true, value: 'zero' },
		{ ok: false, error: new Error('item 1 failed') },
		undefined,
		undefined,
		undefined,
		undefined,
	]);
});

test('settleInOrder without stopOnError runs every item and keeps each outcome at its position', async () => {
	const outcomes = await settleInOrder(
		4,
		3,
		async (i) => {
			if (i === 2) throw new Error('two');
			return i * 10;
		},
		false,
	);
	expect(outcomes).toEqual([
		{ ok: true, value: 0 },
		{ ok: true, value: 10 },
		{ ok: false, error: new Error('two') },
		{ ok: true, value: 30 },
	]);
});
