import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { DateRange } from '../../common/dateRange';
import { validateDateRange } from '../../common/dateRange';
import { searchClock } from '../../common/twoMonthLimit';
import type { Run } from '../../api/transport/run';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../common/fields';
import { readLimit, returnAllOrLimit } from '../../common/paging';
import { voiceOptions } from './options';
import { validateVoiceId } from './voiceId';
import { simplifyRecord } from '../../api/records/record';

/** The fields of the call and SIP record operations, and their readers: Get and Get Many differ only in path and typing. */

const rawDataOption: INodeProperties = {
	displayName: 'Return Raw Data',
	name: 'rawData',
	type: 'boolean',
	default: false,
	description:
		'Whether to return records exactly as Itniotech sends them, instead of with numbers and ISO 8601 times',
};

const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return a simplified version of the record (10 fields: phone number, answered, times, cost) instead of all fields',
};

export const recordGetFields: INodeProperties[] = [
	{
		displayName: 'Voice ID',
		name: 'voiceId',
		type: 'string',
		required: true,
		// Each input item's own call: the voiceId the send operations and the trigger output.
		default: '={{ $json.voiceId }}',
		placeholder: 'e.g. 2203031113381000002',
		description:
			'The ID Itniotech returned when the call was sent (digits only). Records are kept for two months.',
		hint: "Uses each input item's voiceId, e.g. from a send operation; replace it to look up another call",
	},
	simplifyField,
	voiceOptions([rawDataOption, timeoutOption, attemptsOption]),
];

export const recordSearchFields: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ days: 7 }) }}',
		description:
			'Records of calls submitted at or after this time. Itniotech keeps records for two months.',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		required: true,
		default: '={{ $now }}',
		description:
			'Records of calls submitted before this time. Ranges over 31 days are split into several queries automatically.',
	},
	...returnAllOrLimit('Keeps the newest records of the whole From–To range, output oldest first'),
	simplifyField,
	voiceOptions([rawDataOption, timeoutOption, attemptsOption]),
];

function readOptions(ctx: IExecuteFunctions, itemIndex: number) {
	const { options, timeoutSeconds, maxAttempts } = readRequestOptions(ctx, itemIndex);
	const simplify = ctx.getNodeParameter('simplify', itemIndex, false) === true;
	return { raw: options.rawData === true, simplify, timeoutSeconds, maxAttempts };
}

/** One record get's parameters, read and checked. */
export interface RecordGetInput {
	voiceId: string;
	raw: boolean;
	simplify: boolean;
	timeoutSeconds: number;
	maxAttempts: number;
}

export function readRecordGetInput(ctx: IExecuteFunctions, itemIndex: number): RecordGetInput {
	const voiceId = validateVoiceId(
		ctx.getNode(),
		ctx.getNodeParameter('voiceId', itemIndex),
		itemIndex,
	);
	return { voiceId, ...readOptions(ctx, itemIndex) };
}

/** One record search's parameters, read and checked. */
export interface RecordSearchInput {
	range: DateRange;
	limit: number | undefined;
	raw: boolean;
	simplify: boolean;
	timeoutSeconds: number;
	maxAttempts: number;
}

export function readRecordSearchInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): RecordSearchInput {
	const clock = searchClock(run, ctx);
	const range = validateDateRange(
		ctx.getNode(),
		itemIndex,
		ctx.getNodeParameter('from', itemIndex),
		ctx.getNodeParameter('to', itemIndex),
		ctx.getTimezone(),
		clock,
	);
	return { range, limit: readLimit(ctx, itemIndex), ...readOptions(ctx, itemIndex) };
}

/** The record in an answer: as Itniotech sent it (Return Raw Data), typed, or typed and simplified. */
export function recordOf(
	envelope: IDataObject,
	input: { raw: boolean; simplify: boolean },
	typeRecord: (data: IDataObject) => IDataObject,
	simpleFields: readonly string[],
): IDataObject {
	const data = (envelope.data ?? {}) as IDataObject;
	if (input.raw) return data;
	const typed = typeRecord(data);
	return input.simplify ? simplifyRecord(typed, simpleFields) : typed;
}

/** A search's typed records, simplified when Simplify is on (raw records are left as they are). */
export function simplifiedIfAsked(
	records: IDataObject[],
	input: { raw: boolean; simplify: boolean },
	simpleFields: readonly string[],
): IDataObject[] {
	if (input.raw || !input.simplify) return records;
	return records.map((record) => simplifyRecord(record, simpleFields));
}
