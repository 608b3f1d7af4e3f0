import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itniotechApiRequest } from '../transport/request';
import { attemptsOption, optionsField, readReadOptions, timeoutOption } from './descriptions';
import { sortBySubmitTime } from './record';
import { collectPages, readLimit, returnAllOrLimit } from './paging';
import { executionClock, formatVendorTime, splitIntoWindows, validateDateRange } from './dateRange';
import { validateVoiceId } from './validation';

/** Get and Search of group and SIP records differ only in path and typing; both live here once. */

type Show = { resource: string[]; operation: string[] };
type RecordTyper = (raw: IDataObject) => IDataObject;

const rawDataOption: INodeProperties = {
	displayName: 'Return Raw Data',
	name: 'rawData',
	type: 'boolean',
	default: false,
	description:
		'Whether to return records exactly as Itniotech sends them (values as text, times as sent) instead of typed numbers and ISO 8601 times',
};

function readOptions(ctx: IExecuteFunctions, itemIndex: number) {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { raw: options.rawData === true, ...readReadOptions(ctx, itemIndex, options) };
}

export function recordGetFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Voice ID',
			name: 'voiceId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 2203031113381000002',
			description:
				'The ID Itniotech returned when the call was sent (digits only). Records are kept for two months.',
			hint: 'To look up many calls, map the ID from an earlier node with an expression such as {{ $json.voiceId }}',
			displayOptions: { show },
		},
		optionsField([rawDataOption, timeoutOption, attemptsOption], show),
	];
}

export async function executeRecordGet(
	ctx: IExecuteFunctions,
	itemIndex: number,
	pathPrefix: string,
	typeRecord: RecordTyper,
): Promise<IDataObject[]> {
	const voiceId = validateVoiceId(ctx.getNode(), ctx.getNodeParameter('voiceId', itemIndex), itemIndex);
	const { raw, timeoutSeconds, maxAttempts } = readOptions(ctx, itemIndex);
	const envelope = await itniotechApiRequest.call(ctx, {
		method: 'GET',
		path: `${pathPrefix}/${encodeURIComponent(voiceId)}`,
		itemIndex,
		timeoutSeconds,
		maxAttempts,
	});
	const data = (envelope.data ?? {}) as IDataObject;
	return [raw ? data : typeRecord(data)];
}

export function recordSearchFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'Records of calls submitted at or after this time. Itniotech keeps records for two months.',
			displayOptions: { show },
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'Records of calls submitted before this time. Ranges longer than 31 days are split into several queries automatically.',
			displayOptions: { show },
		},
		...returnAllOrLimit(show),
		optionsField([rawDataOption, timeoutOption, attemptsOption], show),
	];
}

export async function executeRecordSearch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	typeRecord: RecordTyper,
): Promise<IDataObject[]> {
	// The clock first: From/To expressions such as $now.minus({ months: 2 }) are evaluated when read.
	const clock = executionClock(ctx);
	const range = validateDateRange(
		ctx.getNode(),
		itemIndex,
		ctx.getNodeParameter('from', itemIndex),
		ctx.getNodeParameter('to', itemIndex),
		ctx.getTimezone(),
		clock,
	);
	const limit = readLimit(ctx, itemIndex);
	const { raw, timeoutSeconds, maxAttempts } = readOptions(ctx, itemIndex);

	const records: IDataObject[] = [];
	for (const window of splitIntoWindows(range)) {
		const remaining = limit === undefined ? undefined : limit - records.length;
		if (remaining !== undefined && remaining <= 0) break;
		const params = { strTime: formatVendorTime(window.from), endTime: formatVendorTime(window.to) };
		const windowRecords = await collectPages(
			ctx,
			{ path, params, itemIndex, timeoutSeconds, maxAttempts },
			remaining,
			raw ? undefined : typeRecord,
		);
		// A loop, not push(...): spreading tens of thousands of records overflows the call stack.
		for (const record of sortBySubmitTime(windowRecords)) records.push(record);
	}
	return records;
}
