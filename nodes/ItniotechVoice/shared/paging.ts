import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itniotechApiRequest } from '../transport/request';
import { validateInteger } from './validation';

/** The vendor's largest page. */
export const MAX_PAGE_SIZE = 100;
/** A guard against a vendor that keeps announcing more pages. */
const MAX_PAGES = 10_000;
export const MAX_LIMIT = 100_000;

/** Return All + Limit, for operations that list things. */
export function returnAllOrLimit(show: { resource: string[]; operation: string[] }): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** How many results the user asked for; undefined means all. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	return validateInteger(ctx.getNode(), 'Limit', ctx.getNodeParameter('limit', itemIndex, 50), itemIndex, 1, MAX_LIMIT);
}

/**
 * Walks the vendor's pages ({ current, size, params } → { records, pages }) until the limit is reached or
 * the last page was read.
 */
export async function collectPages(
	ctx: IExecuteFunctions,
	request: {
		path: string;
		params?: IDataObject;
		itemIndex: number;
		timeoutSeconds?: number;
		maxAttempts?: number;
	},
	limit: number | undefined,
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	for (let current = 1; current <= MAX_PAGES; current++) {
		const body: IDataObject = { current, size: MAX_PAGE_SIZE };
		if (request.params) body.params = request.params;
		const envelope = await itniotechApiRequest.call(ctx, {
			method: 'POST',
			path: request.path,
			body,
			itemIndex: request.itemIndex,
			timeoutSeconds: request.timeoutSeconds,
			maxAttempts: request.maxAttempts,
		});
		const page = (envelope.data ?? {}) as IDataObject;
		const pageRecords = Array.isArray(page.records) ? (page.records as IDataObject[]) : [];
		records.push(...pageRecords);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		const pages = Number(page.pages);
		if (pageRecords.length === 0 || !Number.isFinite(pages) || current >= pages) break;
	}
	return records;
}
