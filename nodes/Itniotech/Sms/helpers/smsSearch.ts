import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { DateRange } from '../../common/dateRange';
import { parseDateTime } from '../../common/dateRange';
import { searchClock } from '../../common/twoMonthLimit';
import type { Run } from '../../api/transport/run';
import { attemptsOption, timeoutOption } from '../../common/fields';
import { returnAllOrLimit } from '../../common/paging';
import { previewValue } from '../../common/validation';
import { smsOptions } from './smsFields';

/** The From/To range of the SMS searches, checked against the vendor's retention before any request. */

/** From/To (the last 7 days unless changed), Return All/Limit, Options; `limitHint` says which N a Limit keeps. */
/** `retention` is one sentence without its final period, e.g. "Itniotech keeps sent messages for the last 90 days". */
export function searchFields(retention: string, limitHint: string): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			required: true,
			default: '={{ $now.minus({ days: 7 }) }}',
			description: `Messages at or after this time. ${retention}.`,
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			required: true,
			default: '={{ $now }}',
			description: 'Messages before this time; a time in the future counts as now',
		},
		...returnAllOrLimit(limitHint),
		smsOptions([attemptsOption, timeoutOption]),
	];
}

function readDate(ctx: IExecuteFunctions, field: 'From' | 'To', itemIndex: number): Date {
	const value = ctx.getNodeParameter(field.toLowerCase(), itemIndex);
	const date = parseDateTime(value, ctx.getTimezone());
	if (date) return date;
	const empty = value === undefined || value === null || value === '';
	throw new NodeOperationError(
		ctx.getNode(),
		`The ${field} date in item ${itemIndex} ${empty ? 'is missing' : 'is not a date this node can read'}`,
		{
			itemIndex,
			description: `Got ${previewValue(value)}. Use a date picked in the field, an expression such as {{ $now.minus({ days: 7 }) }}, or an ISO 8601 text such as 2026-03-05T09:00:00+08:00.`,
		},
	);
}

/**
 * From and To, in order, From not before `earliest` (the message says which date is the earliest usable
 * and why), To no later than now, by the run's clock (read when the run started, before the dates).
 */
export function readSearchRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	earliestOf: (now: Date) => Date,
	retention: string,
	run: Run,
): DateRange {
	const { now } = searchClock(run, ctx);
	const from = readDate(ctx, 'From', itemIndex);
	const to = readDate(ctx, 'To', itemIndex);
	if (from.getTime() >= to.getTime()) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The From date in item ${itemIndex} must be before the To date`,
			{
				itemIndex,
				description: `From is ${from.toISOString()}, To is ${to.toISOString()}.`,
			},
		);
	}
	const earliest = earliestOf(now);
	if (from.getTime() < earliest.getTime()) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The From date in item ${itemIndex} is earlier than Itniotech keeps these messages`,
			{
				itemIndex,
				description: `${retention}. The earliest usable From is ${earliest.toISOString()}; move From to that date or later.`,
			},
		);
	}
	// Up to now, rounded up to the second the vendor is sent, so a message of this very second is included.
	const nowSecond = new Date(Math.ceil(now.getTime() / 1000) * 1000);
	return { from, to: to.getTime() > now.getTime() ? nowSecond : to };
}

/** Each record's key, for keeping it once; null for a record that cannot be matched (all such are kept). */
export type RecordKey = (record: IDataObject) => string | null;

/** Collects the records of a search, each once by `key`, in the order found. */
export class UniqueRecords {
	readonly records: IDataObject[] = [];
	private readonly seen = new Set<string>();

	constructor(private readonly key: RecordKey) {}

	add(records: IDataObject[]): void {
		for (const record of records) {
			const id = this.key(record);
			if (id !== null) {
				if (this.seen.has(id)) continue;
				this.seen.add(id);
			}
			this.records.push(record);
		}
	}
}

/**
 * The records oldest first by `field` (an ISO 8601 time), records without a readable time first (they rank
 * as oldest), ties in the order found; with a limit only the newest `limit` of them.
 */
export function newestOldestFirst(
	records: IDataObject[],
	field: string,
	limit: number | undefined,
): IDataObject[] {
	const timeOf = (record: IDataObject): number => {
		const time = Date.parse(String(record[field] ?? ''));
		return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
	};
	const ranked = records.map((record, index) => ({ record, index, time: timeOf(record) }));
	ranked.sort((a, b) => (a.time === b.time ? a.index - b.index : a.time < b.time ? -1 : 1));
	const sorted = ranked.map(({ record }) => record);
	return limit === undefined ? sorted : sorted.slice(Math.max(0, sorted.length - limit));
}
