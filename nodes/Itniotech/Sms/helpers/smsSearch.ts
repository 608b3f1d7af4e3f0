import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { DateRange } from '../../common/dateRange';
import { parseDateTime } from '../../common/dateRange';
import { searchClock } from '../../common/twoMonthLimit';
import type { Run } from '../../api/transport/run';
import { attemptsOption, optionsField, timeoutOption } from '../../common/fields';
import { returnAllOrLimit } from '../../common/paging';
import { previewValue } from '../../common/validation';

/** The From/To range of the SMS searches, checked against the vendor's retention before any request. */

export function searchFields(retention: string): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			required: true,
			default: '',
			description: `Start of the time range. ${retention} Longer ranges are split into several requests by themselves.`,
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'End of the time range; a time in the future counts as now',
		},
		...returnAllOrLimit(),
		optionsField([attemptsOption, timeoutOption]),
	];
}

function readDate(ctx: IExecuteFunctions, field: 'From' | 'To', itemIndex: number): Date {
	const value = ctx.getNodeParameter(field.toLowerCase(), itemIndex);
	const date = parseDateTime(value, ctx.getTimezone());
	if (date) return date;
	const empty = value === undefined || value === null || value === '';
	throw new NodeOperationError(ctx.getNode(), `The ${field} date in item ${itemIndex} ${empty ? 'is missing' : 'is not a date this node can read'}`, {
		itemIndex,
		description: `Got ${previewValue(value)}. Use a date picked in the field, an expression such as {{ $now.minus({ days: 7 }) }}, or an ISO 8601 text such as 2026-03-05T09:00:00+08:00.`,
	});
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
		throw new NodeOperationError(ctx.getNode(), `The From date in item ${itemIndex} must be before the To date`, {
			itemIndex,
			description: `From is ${from.toISOString()}, To is ${to.toISOString()}.`,
		});
	}
	const earliest = earliestOf(now);
	if (from.getTime() < earliest.getTime()) {
		throw new NodeOperationError(ctx.getNode(), `The From date in item ${itemIndex} is earlier than Itniotech keeps these messages`, {
			itemIndex,
			description: `${retention} The earliest usable From is ${earliest.toISOString()}; move From to that date or later.`,
		});
	}
	// Up to now, rounded up to the second the vendor is sent, so a message of this very second is included.
	const nowSecond = new Date(Math.ceil(now.getTime() / 1000) * 1000);
	return { from, to: to.getTime() > now.getTime() ? nowSecond : to };
}

/** Each record once, by `key` (records without one are all kept), in the order found. */
export function uniqueBy(records: IDataObject[], key: (record: IDataObject) => string | null): IDataObject[] {
	const seen = new Set<string>();
	return records.filter((record) => {
		const id = key(record);
		if (id === null) return true;
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}
