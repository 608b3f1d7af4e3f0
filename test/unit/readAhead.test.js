'use strict';
// ReadAhead reads items before their turn, in idle time: what each item gets must not depend on whether it
// was read early or on its turn, and it must stop reading when the run ends or stops.
const { ReadAhead } = require('../../dist/nodes/Itniotech/common/readAhead.js');

/** Turns the test gives when it wants: `idle()` lets the reader take every turn it asks for, then returns. */
function manualTurns() {
	const pending = [];
	const settle = () => new Promise((resolve) => setImmediate(resolve));
	return {
		nextTurn: () => new Promise((resolve) => pending.push(resolve)),
		idle: async () => {
			await settle();
			while (pending.length > 0) {
				pending.shift()();
				await settle();
			}
		},
	};
}

function recordingReader(failAt = new Set()) {
	const reads = [];
	const read = (index) => {
		reads.push(index);
		if (failAt.has(index)) throw new Error(`bad item ${index}`);
		return { index };
	};
	return { reads, read };
}

test('reads ahead in idle time, at most `ahead` items past the last taken, each item once', async () => {
	const { reads, read } = recordingReader();
	const turns = manualTurns();
	const readAhead = new ReadAhead(100, 6, read, turns.nextTurn);
	expect(readAhead.take(0)).toEqual({ index: 0 });
	await turns.idle();
	// Item 0 read on its turn, then items 1..6 ahead, and no further.
	expect(reads).toEqual([0, 1, 2, 3, 4, 5, 6]);
	for (let index = 1; index <= 3; index++) expect(readAhead.take(index)).toEqual({ index });
	await turns.idle();
	expect(reads).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	readAhead.stop();
});

test('an item read ahead gets the same error it would have got on its turn, and the others are unaffected', async () => {
	const { read } = recordingReader(new Set([2]));
	const turns = manualTurns();
	const readAhead = new ReadAhead(5, 4, read, turns.nextTurn);
	expect(readAhead.take(0)).toEqual({ index: 0 });
	await turns.idle();
	expect(readAhead.take(1)).toEqual({ index: 1 });
	expect(() => readAhead.take(2)).toThrow('bad item 2');
	expect(readAhead.take(3)).toEqual({ index: 3 });
	expect(readAhead.take(4)).toEqual({ index: 4 });
	readAhead.stop();
});

test('never reads past the last item, and reads on the turn an item the reader has not reached yet', async () => {
	const { reads, read } = recordingReader();
	const turns = manualTurns();
	const readAhead = new ReadAhead(3, 10, read, turns.nextTurn);
	expect(readAhead.take(0)).toEqual({ index: 0 });
	expect(readAhead.take(1)).toEqual({ index: 1 }); // taken before any idle time: read on its turn
	await turns.idle();
	expect(readAhead.take(2)).toEqual({ index: 2 });
	await turns.idle();
	expect(reads).toEqual([0, 1, 2]);
});

test('stop: nothing more is read, and what was read ahead is dropped', async () => {
	const { reads, read } = recordingReader();
	const turns = manualTurns();
	const readAhead = new ReadAhead(1000, 50, read, turns.nextTurn);
	readAhead.take(0);
	readAhead.stop();
	await turns.idle();
	expect(reads).toEqual([0]);
});

test('without idle time nothing is read ahead: each item is read on its turn', async () => {
	const { reads, read } = recordingReader();
	const turns = manualTurns();
	const readAhead = new ReadAhead(5, 4, read, turns.nextTurn);
	for (let index = 0; index < 5; index++) expect(readAhead.take(index)).toEqual({ index });
	expect(reads).toEqual([0, 1, 2, 3, 4]);
	await turns.idle();
	expect(reads).toEqual([0, 1, 2, 3, 4]);
});
