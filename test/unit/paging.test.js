'use strict';
// Pages are typed as they arrive: a Return All never holds the raw records of the whole result next to the
// typed ones. The last page is held back until the others are typed, which only typing on
// arrival allows.
const { searchWindows } = require('../../dist/nodes/Itniotech/common/windowSearch.js');
const { typeCallRecord } = require('../../dist/nodes/Itniotech/api/records/record.js');
const { historyRecord } = require('../../simulator/records');
const { createRun } = require('../../dist/nodes/Itniotech/api/transport/run.js');
const { fakeContext, vendorAnswer } = require('../helpers');

const PAGES = 6;
const now = Date.now();
const range = { from: new Date(now - 86400000), to: new Date(now) };
// Newest first, as the simulator and possibly the vendor page them.
const pageOf = (current) =>
	Array.from({ length: 100 }, (_, i) =>
		historyRecord((current - 1) * 100 + i, now - 60000 - ((current - 1) * 100 + i) * 60000),
	);

function context({ holdLastPageUntil }) {
	const events = [];
	const answer = async (options) => {
		const { current } = options.body;
		if (current === PAGES) {
			// Gives the other pages every chance to be answered and typed: a bounded wait, not a timed one.
			for (let turn = 0; turn < 1000 && !holdLastPageUntil(); turn++)
				await new Promise((resolve) => setImmediate(resolve));
			events.push({
				lastPageAnswered: true,
				typedBefore: events.filter((e) => e.typed).length,
			});
		}
		return vendorAnswer({ records: pageOf(current), pages: PAGES });
	};
	return Object.assign(fakeContext({ credentials: { apiKey: 'k', apiSecret: 's' }, answer }), {
		events,
	});
}

test('Return All types each page when it arrives, before the last page is in', async () => {
	const ctx = context({
		holdLastPageUntil: () => ctx.events.filter((e) => e.typed).length >= (PAGES - 1) * 100,
	});
	const typeRecord = (raw) => {
		ctx.events.push({ typed: raw.voiceId });
		return typeCallRecord(raw);
	};
	const records = await searchWindows(
		ctx,
		{ run: createRun(ctx), path: '/voice/recordGroupQuery', itemIndex: 0, typeRecord },
		range,
		undefined,
	);
	expect(records).toHaveLength(PAGES * 100);
	// Oldest first, typed.
	const oldest = pageOf(PAGES)[99];
	expect(records[0]).toEqual(typeCallRecord(oldest));
	expect(typeof records[0].callDuration).toBe('number');
	expect(ctx.events.find((e) => e.lastPageAnswered).typedBefore).toBe((PAGES - 1) * 100);
});

test('without a typer (Return Raw Data) the records come as the vendor sent them', async () => {
	const ctx = context({ holdLastPageUntil: () => true });
	const records = await searchWindows(
		ctx,
		{ run: createRun(ctx), path: '/voice/recordGroupQuery', itemIndex: 0 },
		range,
		250,
	);
	expect(records).toHaveLength(250);
	expect(records[249]).toEqual(pageOf(1)[0]);
	expect(typeof records[0].callDuration).toBe('string');
});
