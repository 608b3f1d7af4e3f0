import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { typeDeliveryReport } from '../../../api/records/sms';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { formatVendorTime, splitIntoWindows } from '../../../common/dateRange';
import { readRequestOptions } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { readLimit } from '../../../common/paging';
import { readSearchRange, searchFields, uniqueBy } from '../../helpers/smsSearch';
import { readAppId, smsAppIdField } from '../../helpers/smsFields';

export const meta: OperationMeta = {
	value: 'searchSent',
	name: 'Search Sent Messages',
	action: 'Search sent messages',
	description: 'List the messages sent between two dates (last 90 days) with their delivery status',
};

const RETENTION = 'Itniotech keeps sent messages for the last 90 days.';
const RETENTION_DAYS = 90;
/** The most records one getSentRcd answer holds; a full page means there may be more (next startIndex). */
export const SENT_PAGE_SIZE = 50_000;

export const properties: INodeProperties[] = [smsAppIdField, ...searchFields(RETENTION)];

export const earliestSent = (now: Date): Date => new Date(Math.ceil((now.getTime() - RETENTION_DAYS * 86_400_000) / 1000) * 1000);

export function readInput(this: IExecuteFunctions, itemIndex: number, run: Run) {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	return {
		appId: readAppId(this, itemIndex),
		range: readSearchRange(this, itemIndex, earliestSent, RETENTION, run),
		limit: readLimit(this, itemIndex),
		timeoutSeconds,
		maxAttempts,
	};
}

type Input = ReturnType<typeof readInput>;

/**
 * GET /sms/getSentRcd over ≤31-day windows, oldest first, each paged by startIndex (+ the records read)
 * until a page is not full; each msgId once (a record on a shared window boundary may come back twice).
 */
export async function execute(this: IExecuteFunctions, input: Input, run: Run, itemIndex: number): Promise<IDataObject[]> {
	const { appId, range, limit, timeoutSeconds, maxAttempts } = input;
	let records: IDataObject[] = [];
	for (const window of splitIntoWindows(range)) {
		for (let startIndex = 0; ; ) {
			const envelope = await itniotechApiRequest(this, run, {
				method: 'GET',
				path: '/sms/getSentRcd',
				qs: { appId, startTime: formatVendorTime(window.from), endTime: formatVendorTime(window.to), startIndex },
				itemIndex,
				timeoutSeconds,
				maxAttempts,
			});
			const page = Array.isArray(envelope.array) ? (envelope.array as IDataObject[]) : [];
			records = uniqueBy([...records, ...page.map(typeDeliveryReport)], (r) => (r.msgId === null ? null : String(r.msgId)));
			if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
			if (page.length < SENT_PAGE_SIZE) break;
			startIndex += page.length;
		}
	}
	return records;
}
