import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { typeInboundMessage } from '../../../api/records/sms';
import type { DateRange } from '../../../common/dateRange';
import { formatVendorTime } from '../../../common/dateRange';
import { readRequestOptions } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import type { Run } from '../../../api/transport/run';
import { readLimit, readPage } from '../../../common/paging';
import {
	newestOldestFirst,
	readSearchRange,
	searchFields,
	UniqueRecords,
} from '../../helpers/smsSearch';
import { readSmsAppId } from '../../helpers/smsFields';

export const meta: OperationMeta = {
	value: 'searchInbound',
	name: 'Get Many Received',
	action: 'Get many received messages',
	description:
		'Get the messages people sent to your number between two dates (inbound or MO messages in Itniotech)',
};

/** The earliest start recordMo accepts. */
export const INBOUND_EARLIEST = new Date('2022-07-01T00:00:00+08:00');
const RETENTION = 'Itniotech keeps received messages from 1 July 2022 (China time) on';
const VENDOR_OFFSET_MS = 8 * 3600_000;
const LIMIT_HINT =
	'Keeps the N messages received last in the From–To range; they are output oldest first';

export const properties: INodeProperties[] = searchFields(RETENTION, LIMIT_HINT);

/**
 * Windows that never span more than one calendar month in the vendor's zone (+08:00): recordMo allows "one
 * month" per query, and a window inside one month fits every reading of that.
 */
export function monthWindows({ from, to }: DateRange): DateRange[] {
	const windows: DateRange[] = [];
	let start = from.getTime();
	while (start < to.getTime()) {
		const wall = new Date(start + VENDOR_OFFSET_MS);
		const nextMonth = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 1) - VENDOR_OFFSET_MS;
		const stop = Math.min(nextMonth, to.getTime());
		windows.push({ from: new Date(start), to: new Date(stop) });
		start = stop;
	}
	return windows;
}

const keyOf = (r: IDataObject): string =>
	JSON.stringify([r.number, r.sendId, r.receiveTime, r.content]);

export async function readInput(this: IExecuteFunctions, itemIndex: number, run: Run) {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	return {
		appId: await readSmsAppId(this, itemIndex, run),
		range: readSearchRange(this, itemIndex, () => INBOUND_EARLIEST, RETENTION, run),
		limit: readLimit(this, itemIndex),
		timeoutSeconds,
		maxAttempts,
	};
}

type Input = Awaited<ReturnType<typeof readInput>>;

/**
 * POST /sms/recordMo per month window, paged by current/size until the last page; output oldest first by
 * receiveTime. With a Limit the newest month is read first, each whole (the order of its pages is not
 * documented), and older months only while fewer than N were found: months divide by receive time, so the
 * N kept are the newest.
 */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { appId, range, limit, timeoutSeconds, maxAttempts } = input;
	const found = new UniqueRecords(keyOf);
	const windows = monthWindows(range);
	if (limit !== undefined) windows.reverse();
	for (const window of windows) {
		if (limit !== undefined && found.records.length >= limit) break;
		const request = {
			run,
			path: '/sms/recordMo',
			fields: { appId },
			params: { strTime: formatVendorTime(window.from), endTime: formatVendorTime(window.to) },
			itemIndex,
			timeoutSeconds,
			maxAttempts,
		};
		for (let current = 1, pages = 1; current <= pages; current++) {
			const page = await readPage(this, request, current);
			pages = page.pages;
			found.add(page.records.map(typeInboundMessage));
			if (page.records.length === 0) break;
		}
	}
	return newestOldestFirst(found.records, 'receiveTime', limit);
}
