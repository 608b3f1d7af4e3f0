import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { DateRange } from './dateRange';
import { formatVendorTime, MAX_WINDOW_DAYS, splitIntoWindows } from './dateRange';
import { vendorSearchStart } from './twoMonthLimit';
import type { PageRequest } from './paging';
import { MAX_PAGE_SIZE, readPage } from './paging';
import { mapInOrder } from './inOrder';
import { sortBySubmitTime, timeMs, toIsoTime } from '../api/records/record';

/**
 * A record search over ≤31-day windows. The reference leaves open whether a window's ends are inclusive (a
 * record on a boundary then comes back from both windows) and in which order a window's pages run (oldest
 * or newest first). Results are right under every reading: records are de-duplicated by voiceId, and a
 * Limit takes the newest records of the whole range, reading the newest window first and, where page 1
 * shows the vendor's order, only the pages that hold the newest records.
 */

type Page = { records: IDataObject[]; pages: number };

const DAY_MS = 24 * 60 * 60 * 1000;
const EDGE_MS = 1000;
type Order = 'newestFirst' | 'oldestFirst';

/** A record's submit time in ms (offset-less vendor times in the vendor's zone), NaN when it has none. */
function timeOf(record: IDataObject): number {
	const iso = toIsoTime(record.submitTime);
	return iso === null ? Number.NaN : timeMs(iso);
}

/** The order of a page's records, when their times show one unambiguously. */
function pageOrder(records: IDataObject[]): Order | undefined {
	let rising = false;
	let falling = false;
	let previous = Number.NaN;
	for (const record of records) {
		const time = timeOf(record);
		if (Number.isNaN(time)) continue;
		if (time > previous) rising = true;
		else if (time < previous) falling = true;
		previous = time;
	}
	if (rising === falling) return undefined; // all equal, or mixed
	return rising ? 'oldestFirst' : 'newestFirst';
}

/**
 * The records found so far, each voiceId once (records without one cannot be matched and are all kept), and
 * only those submitted in [from, to): a vendor that counts a query's end as inclusive also returns records
 * submitted exactly at To, which the next search (From = this To) returns again. Records without a readable
 * time are kept. Each record's time is read once, here, and kept beside it for the sort.
 */
class Collector {
	readonly records: IDataObject[] = [];
	/** The submit time of each record (ms, NaN when it has none), in the same order. */
	readonly times: number[] = [];
	private readonly seen = new Set<string>();
	private readonly fromMs: number;
	private readonly toMs: number;

	constructor(range: DateRange) {
		this.fromMs = range.from.getTime();
		this.toMs = range.to.getTime();
	}

	/** Adds the records not seen before; returns how many that were. */
	add(records: IDataObject[]): number {
		let added = 0;
		for (const record of records) {
			const time = timeOf(record);
			if (time < this.fromMs || time >= this.toMs) continue; // NaN (no readable time) is kept
			const id = record.voiceId;
			if (id !== undefined && id !== null && id !== '') {
				const before = this.seen.size;
				this.seen.add(String(id)); // one hash look-up, not has() then add()
				if (this.seen.size === before) continue;
			}
			this.records.push(record);
			this.times.push(time);
			added++;
		}
		return added;
	}
}

/** The records of the given pages, in their order, read in parallel (bounded by Max Concurrent Requests); page 1 is known. */
async function readPages(
	ctx: IExecuteFunctions,
	request: PageRequest,
	first: Page,
	pageNumbers: number[],
): Promise<IDataObject[][]> {
	return await mapInOrder(
		pageNumbers.length,
		request.run.limiter.limits.concurrency,
		async (i) =>
			pageNumbers[i] === 1 ? first.records : (await readPage(ctx, request, pageNumbers[i])).records,
		true,
	);
}

const pageRange = (from: number, to: number): number[] =>
	to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Adds page 1 and every other page of a window. */
async function addAllPages(
	ctx: IExecuteFunctions,
	request: PageRequest,
	collector: Collector,
	first: Page,
): Promise<void> {
	collector.add(first.records);
	for (const records of await readPages(ctx, request, first, pageRange(2, first.pages)))
		collector.add(records);
}

/**
 * Adds at least `wanted` new records of one window, newest pages first, when page 1 shows the vendor's
 * order; otherwise (or with one page) the whole window, as correctness comes before fewer requests.
 */
async function readNewestOfWindow(
	ctx: IExecuteFunctions,
	request: PageRequest,
	collector: Collector,
	wanted: number,
): Promise<void> {
	const first = await readPage(ctx, request, 1);
	const order = first.pages > 1 ? pageOrder(first.records) : undefined;
	if (order === undefined) return await addAllPages(ctx, request, collector, first);
	const newestPagesFirst = pageRange(1, first.pages);
	if (order === 'oldestFirst') newestPagesFirst.reverse();
	let added = 0;
	let next = 0;
	// In rounds: records already found in the newer window (a shared boundary) do not count.
	while (added < wanted && next < newestPagesFirst.length) {
		const batch = newestPagesFirst.slice(next, next + Math.ceil((wanted - added) / MAX_PAGE_SIZE));
		next += batch.length;
		for (const records of await readPages(ctx, request, first, batch))
			added += collector.add(records);
	}
}

/**
 * The `limit` newest records of the collector (records without a time only when there are too few with one),
 * oldest first.
 */
function newest({ records, times }: Collector, limit: number): IDataObject[] {
	if (records.length <= limit) return sortBySubmitTime(records, times);
	const timedIndexes = times.flatMap((time, index) => (Number.isNaN(time) ? [] : [index]));
	const timed = sortBySubmitTime(
		timedIndexes.map((index) => records[index]),
		timedIndexes.map((index) => times[index]),
	);
	if (timed.length >= limit) return timed.slice(timed.length - limit);
	const untimed = records.filter((_, index) => Number.isNaN(times[index]));
	return sortBySubmitTime([...timed, ...untimed.slice(0, limit - timed.length)]);
}

/** All records of the range (limit undefined) or its `limit` newest, each once, oldest first. */
export async function searchWindows(
	ctx: IExecuteFunctions,
	request: Omit<PageRequest, 'params'>,
	range: DateRange,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const collector = new Collector(range);
	// Vendor times are whole seconds: asking one second more on each side finds the records on a window's edges
	// whether the vendor counts its ends as inside or not; the collector keeps [From, To) and each record once.
	const windowRequest = (window: DateRange): PageRequest => ({
		...request,
		params: {
			strTime: formatVendorTime(new Date(window.from.getTime() - EDGE_MS)),
			endTime: formatVendorTime(new Date(window.to.getTime() + EDGE_MS)),
		},
	});
	// Asked for, the range starts no earlier than the vendor may still answer for (vendorSearchStart).
	const start = new Date(
		Math.max(
			range.from.getTime(),
			vendorSearchStart(request.run.clock.now(), ctx.getTimezone()).getTime(),
		),
	);
	if (start.getTime() >= range.to.getTime()) return [];
	const windows = splitIntoWindows(
		{ from: start, to: range.to },
		MAX_WINDOW_DAYS * DAY_MS - 2 * EDGE_MS,
	);
	if (limit === undefined) {
		for (const window of windows) {
			const windowed = windowRequest(window);
			await addAllPages(ctx, windowed, collector, await readPage(ctx, windowed, 1));
		}
		return sortBySubmitTime(collector.records, collector.times);
	}
	for (const window of windows.reverse()) {
		const wanted = limit - collector.records.length;
		if (wanted <= 0) break;
		await readNewestOfWindow(ctx, windowRequest(window), collector, wanted);
	}
	return newest(collector, limit);
}
