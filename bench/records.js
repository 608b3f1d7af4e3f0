'use strict';
/**
 * What a typed record costs next to the raw record it came from. Run by bench/run.js as
 * `node --expose-gc --allow-natives-syntax bench/records.js`; prints one JSON line per record kind.
 *
 * Raw records are what JSON.parse makes of a vendor page (the simulator's history records: every
 * documented field, numbers as text, canonical +08:00 times). Bytes are heap growth after full GCs:
 * raw = the parsed records; typed = the typed records once the raw ones are gone (the strings they share
 * with the raw record count for the typed one). V8's own check says whether each typed record has fast
 * properties and whether all share one hidden class (map).
 */
const path = require('node:path');
const { historyRecord } = require('../simulator/records');

const dist = require(path.resolve(__dirname, '../dist/nodes/Itniotech/api/records/record.js'));
// Natives syntax inside Function bodies, so this file still parses without the flag.
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');

const N = 20_000;
const heapUsed = () => {
	global.gc();
	global.gc();
	return process.memoryUsage().heapUsed;
};

function vendorPageText(kind) {
	const now = Date.now();
	const records = Array.from({ length: N }, (_, i) => {
		const record = historyRecord(i, now - i * 60000);
		return kind === 'sip'
			? {
					...record,
					sipGroupName: 'Sales',
					phoneName: `phone-${i % 50}`,
					recordingFileId: `rec${record.voiceId}.mp3`,
				}
			: record;
	});
	return JSON.stringify({ status: '0', reason: 'success', data: { records } });
}

function measure(kind, typer) {
	const text = vendorPageText(kind);
	const before = heapUsed();
	let raw = JSON.parse(text).data.records;
	const rawBytes = (heapUsed() - before) / N;
	const rawFast = raw.every((r) => hasFastProperties(r));
	const started = process.hrtime.bigint();
	const typed = raw.map(typer);
	const typeNs = Number(process.hrtime.bigint() - started) / N;
	raw = undefined;
	const typedBytes = (heapUsed() - before) / N;
	const slow = typed.filter((r) => !hasFastProperties(r)).length;
	// Against the last record: the typer's very first copies run before V8 has learnt the copy's shape.
	const otherMaps = typed.filter((r) => !haveSameMap(r, typed[typed.length - 1])).length;
	return {
		kind,
		records: N,
		rawBytes,
		typedBytes,
		ratio: typedBytes / rawBytes,
		rawFast,
		slow,
		otherMaps,
		typeUs: typeNs / 1000,
		keep: typed.length,
	};
}

for (const [kind, typer] of [
	['group', dist.typeCallRecord],
	['sip', dist.typeSipRecord],
]) {
	process.stdout.write(`${JSON.stringify(measure(kind, typer))}\n`);
}
