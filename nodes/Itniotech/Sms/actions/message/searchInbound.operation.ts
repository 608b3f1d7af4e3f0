import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { typeInboundMessage } from '../../../api/records/sms';
import type { DateRange } from '../../../common/dateRange';
import { formatVendorTime } from '../../../common/dateRange';
import { readRequestOptions } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import type { Run } from '../../../api/transport/run';
import { readLimit, readPage } from '../../../common/paging';
import { readSearchRange, searchFields, uniqueBy } from '../../helpers/smsSearch';
import { readAppId, smsAppIdField } from '../../helpers/smsFields';

export const meta: OperationMeta = {
	value: 'searchInbound',
	name: 'Search Inbound Messages',
	action: 'Search inbound messages',
	description: 'List the replies and other messages your numbers received between two dates',
};

/** The earliest start recordMo accepts. */
export const INBOUND_EARLIEST = new Date('2022-07-01T00:00:00+08:00');
const RETENTION = 'Itniotech keeps inbound messages from 1 July 2022 (China time) on.';
const VENDOR_OFFSET_MS = 8 * 3600_000;

export const properties: INodeProperties[] = [smsAppIdField, ...searchFields(RETENTION)];

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

const keyOf = (r: IDataObject): string => JSON.stringify([r.number, r.sendId, r.receiveTime, r.content]);

export function readInput(this: IExecuteFunctions, itemIndex: number, run: Run) {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	return {
		appId: readAppId(this, itemIndex),
		range: readSearchRange(this, itemIndex, () => INBOUND_EARLIEST, RETENTION, run),
		limit: readLimit(this, itemIndex),
		timeoutSeconds,
		maxAttempts,
	};
}

type Input = ReturnType<typeof readInput>;

/** POST /sms/recordMo per month window, oldest first, paged by current/size until the last page. */
export async function execute(this: IExecuteFunctions, input: Input, run: Run, itemIndex: number): Promise<IDataObject[]> {
	const { appId, range, limit, timeoutSeconds, maxAttempts } = input;
	let records: IDataObject[] = [];
	for (const window of monthWindows(range)) {
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
			records = uniqueBy([...records, ...page.records.map(typeInboundMessage)], keyOf);
			if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
			if (page.records.length === 0) break;
		}
	}
	return records;
}
