import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { itniotechApiRequest } from '../api/transport/request';
import type { Run } from '../api/transport/run';
import { mapInOrder } from './inOrder';
import { validateInteger } from './validation';

/** The vendor's largest page. */
export const MAX_PAGE_SIZE = 100;
/** A guard against a vendor that keeps announcing more pages. */
const MAX_PAGES = 10_000;
export const MAX_LIMIT = 100_000;

/** Return All + Limit, for operations that list things; `limitHint` says which results a Limit keeps. */
export function returnAllOrLimit(limitHint?: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		...updateDisplayOptions({ show: { returnAll: [false] } }, [
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'Max number of results to return',
				...(limitHint ? { hint: limitHint } : {}),
			},
		]),
	];
}

/** How many results the user asked for; undefined means all. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	return validateInteger(
		ctx.getNode(),
		'Limit',
		ctx.getNodeParameter('limit', itemIndex, 50),
		itemIndex,
		1,
		MAX_LIMIT,
	);
}

export interface PageRequest {
	/** The node run the pages are read in (its limits bound the pages read at once). */
	run: Run;
	path: string;
	params?: IDataObject;
	/** Further body fields every page carries (e.g. the SMS appId). */
	fields?: IDataObject;
	itemIndex: number;
	timeoutSeconds?: number;
	maxAttempts?: number;
	/** Types each page's records as the page arrives, so a raw copy of a whole result never exists. */
	typeRecord?: (raw: IDataObject) => IDataObject;
}

/** One of the vendor's pages ({ current, size, params } → { records, pages }), MAX_PAGE_SIZE records long. */
export async function readPage(
	ctx: IExecuteFunctions,
	request: PageRequest,
	current: number,
): Promise<{ records: IDataObject[]; pages: number }> {
	const body: IDataObject = { ...request.fields, current, size: MAX_PAGE_SIZE };
	if (request.params) body.params = request.params;
	const envelope = await itniotechApiRequest(ctx, request.run, {
		method: 'POST',
		path: request.path,
		body,
		itemIndex: request.itemIndex,
		timeoutSeconds: request.timeoutSeconds,
		maxAttempts: request.maxAttempts,
	});
	const page = (envelope.data ?? {}) as IDataObject;
	const sent = Array.isArray(page.records) ? (page.records as IDataObject[]) : [];
	const records = request.typeRecord ? sent.map(request.typeRecord) : sent;
	const pages = Number(page.pages);
	return { records, pages: Number.isFinite(pages) ? Math.min(Math.max(pages, 1), MAX_PAGES) : 1 };
}

/**
 * Reads the vendor's pages in the vendor's order: page 1 first, which tells how many there are, then the
 * pages still needed for the limit in parallel (bounded by Max Concurrent Requests), joined in page order.
 */
export async function collectPages(
	ctx: IExecuteFunctions,
	request: PageRequest,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const first = await readPage(ctx, request, 1);
	const wanted =
		limit === undefined ? first.pages : Math.min(first.pages, Math.ceil(limit / MAX_PAGE_SIZE));
	const records = [...first.records];
	if (wanted > 1 && first.records.length > 0) {
		const rest = await mapInOrder(
			wanted - 1,
			request.run.limiter.limits.concurrency,
			async (i) => (await readPage(ctx, request, i + 2)).records,
			true,
		);
		for (const page of rest) for (const record of page) records.push(record);
	}
	return limit === undefined ? records : records.slice(0, limit);
}
