'use strict';
// Pages are typed as they arrive: a Return All never holds the raw records of the whole result next to the
// typed ones (issue #16). The last page is held back until the others are typed, which only typing on
// arrival allows.
const { collectPages } = require('../../dist/nodes/ItniotechVoice/shared/paging.js');
const { typeCallRecord } = require('../../dist/nodes/ItniotechVoice/shared/record.js');
const { historyRecord } = require('../simulator/records');

const node = { id: '1', name: 'Itniotech Voice', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };
const PAGES = 6;
const now = Date.now();
const pageOf = (current) => Array.from({ length: 100 }, (_, i) => historyRecord((current - 1) * 100 + i, now - ((current - 1) * 100 + i) * 60000));

function context({ holdLastPageUntil }) {
	const events = [];
	return {
		events,
		getNode: () => node,
		getCredentials: async () => ({ apiKey: 'k', apiSecret: 's' }),
		helpers: {
			httpRequestWithAuthentication: async (_type, options) => {
				const { current } = options.body;
				if (current === PAGES) {
					// Give the other pages every chance to be answered and typed; a bounded wait, not a timed one.
					for (let turn = 0; turn < 1000 && !holdLastPageUntil(); turn++) await new Promise((resolve) => setImmediate(resolve));
					events.push({ lastPageAnswered: true, typedBefore: events.filter((e) => e.typed).length });
				}
				const body = JSON.stringify({ status: '0', data: { records: pageOf(current), pages: PAGES } });
				return { statusCode: 200, headers: {}, body };
			},
		},
	};
}

test('each page is typed when it arrives, before the last page is in', async () => {
	const typedSoFar = () => ctx.events.filter((e) => e.typed).length;
	const ctx = context({ holdLastPageUntil: () => typedSoFar() >= (PAGES - 1) * 100 });
	const typer = (raw) => {
		ctx.events.push({ typed: raw.voiceId });
		return typeCallRecord(raw);
	};
	const records = await collectPages(ctx, { path: '/voice/recordGroupQuery', itemIndex: 0 }, undefined, typer);
	expect(records).toHaveLength(PAGES * 100);
	expect(records[0]).toEqual(typeCallRecord(pageOf(1)[0]));
	expect(typeof records[0].callDuration).toBe('number');
	const last = ctx.events.find((e) => e.lastPageAnswered);
	expect(last.typedBefore).toBe((PAGES - 1) * 100);
});

test('without a typer (Return Raw Data) the records come as the vendor sent them', async () => {
	const ctx = context({ holdLastPageUntil: () => true });
	const records = await collectPages(ctx, { path: '/voice/recordGroupQuery', itemIndex: 0 }, 250);
	expect(records).toHaveLength(250);
	expect(records[0]).toEqual(pageOf(1)[0]);
	expect(typeof records[0].callDuration).toBe('string');
});
