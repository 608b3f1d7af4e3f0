import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { typeDeliveryReport } from '../../../api/records/sms';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { formatVendorTime, splitIntoWindows } from '../../../common/dateRange';
import { readRequestOptions } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { readLimit } from '../../../common/paging';
import {
	newestOldestFirst,
	readSearchRange,
	searchFields,
	UniqueRecords,
} from '../../helpers/smsSearch';
import { readSmsAppId } from '../../helpers/smsFields';

export const meta: OperationMeta = {
	value: 'searchSent',
	name: 'Get Many Sent',
	action: 'Get many sent messages',
	description: 'Get the messages sent between two dates (last 90 days), with their delivery status',
};

const RETENTION = 'Itniotech keeps sent messages for the last 90 days';
const RETENTION_DAYS = 90;
/** The most records one getSentRcd answer holds; a full page means there may be more (next startIndex). */
export const SENT_PAGE_SIZE = 50_000;

// A sent record has one time, reportTime (the vendor's receiveTime: a send or receive time by page).
const LIMIT_HINT =
	'Keeps the N with the latest reportTime (the one time a sent message has); they are output oldest first';

export const properties: INodeProperties[] = searchFields(RETENTION, LIMIT_HINT);

export const earliestSent = (now: Date): Date =>
	new Date(Math.ceil((now.getTime() - RETENTION_DAYS * 86_400_000) / 1000) * 1000);

export async function readInput(this: IExecuteFunctions, itemIndex: number, run: Run) {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	return {
		appId: await readSmsAppId(this, itemIndex, run),
		range: readSearchRange(this, itemIndex, earliestSent, RETENTION, run),
		limit: readLimit(this, itemIndex),
		timeoutSeconds,
		maxAttempts,
	};
}

type Input = Awaited<ReturnType<typeof readInput>>;

/**
 * GET /sms/getSentRcd over ≤31-day windows, each paged by startIndex (+ the records read) until a page is not
 * full; each msgId once (a record on a shared window boundary may come back twice). Output oldest first by
 * reportTime. With a Limit the newest window is read first, each window whole (the order of its records is
 * not documented), and older windows only while fewer than N were found. Windows divide by send time, so a
 * Limit misses a message of an older window only if its report came after the N-th newest one's (a delivery
 * slower than the time between them); Return All has every one.
 */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { appId, range, limit, timeoutSeconds, maxAttempts } = input;
	const found = new UniqueRecords((r) => (r.msgId === null ? null : String(r.msgId)));
	const windows = splitIntoWindows(range);
	if (limit !== undefined) windows.reverse();
	for (const window of windows) {
		if (limit !== undefined && found.records.length >= limit) break;
		for (let startIndex = 0; ; ) {
			const envelope = await itniotechApiRequest(this, run, {
				method: 'GET',
				path: '/sms/getSentRcd',
				qs: {
					appId,
					startTime: formatVendorTime(window.from),
					endTime: formatVendorTime(window.to),
					startIndex,
				},
				itemIndex,
				timeoutSeconds,
				maxAttempts,
			});
			const page = Array.isArray(envelope.array) ? (envelope.array as IDataObject[]) : [];
			found.add(page.map(typeDeliveryReport));
			if (page.length < SENT_PAGE_SIZE) break;
			startIndex += page.length;
		}
	}
	return newestOldestFirst(found.records, 'reportTime', limit);
}
