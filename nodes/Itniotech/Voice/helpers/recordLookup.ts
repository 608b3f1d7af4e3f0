import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itniotechApiRequest } from '../../api/transport/request';
import { attemptsOption, optionsField, readRequestOptions, timeoutOption } from '../../common/fields';
import { readLimit, returnAllOrLimit } from '../../common/paging';
import { executionClock, validateDateRange } from '../../common/dateRange';
import { searchWindows } from '../../common/windowSearch';
import { validateVoiceId } from './voiceId';

/** Get and Search of group and SIP records differ only in path and typing; both live here once. */

export type RecordTyper = (raw: IDataObject) => IDataObject;

const rawDataOption: INodeProperties = {
	displayName: 'Return Raw Data',
	name: 'rawData',
	type: 'boolean',
	default: false,
	description:
		'Whether to return records exactly as Itniotech sends them (values as text, times as sent) instead of typed numbers and ISO 8601 times',
};

function readOptions(ctx: IExecuteFunctions, itemIndex: number) {
	const { options, timeoutSeconds, maxAttempts } = readRequestOptions(ctx, itemIndex);
	return { raw: options.rawData === true, timeoutSeconds, maxAttempts };
}

export function recordGetFields(): INodeProperties[] {
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
		},
		optionsField([rawDataOption, timeoutOption, attemptsOption]),
	];
}

/** One record get's parameters, read and checked. */
export interface RecordGetInput {
	voiceId: string;
	raw: boolean;
	timeoutSeconds: number;
	maxAttempts: number;
}

export function readRecordGetInput(ctx: IExecuteFunctions, itemIndex: number): RecordGetInput {
	const voiceId = validateVoiceId(ctx.getNode(), ctx.getNodeParameter('voiceId', itemIndex), itemIndex);
	return { voiceId, ...readOptions(ctx, itemIndex) };
}

export async function executeRecordGet(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ voiceId, raw, timeoutSeconds, maxAttempts }: RecordGetInput,
	pathPrefix: string,
	typeRecord: RecordTyper,
): Promise<IDataObject[]> {
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

export function recordSearchFields(): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'Records of calls submitted at or after this time. Itniotech keeps records for two months.',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'Records of calls submitted before this time. Ranges longer than 31 days are split into several queries automatically.',
		},
		...returnAllOrLimit(
			'Keeps the newest records of the whole From–To range; they are output oldest first, like all search results',
		),
		optionsField([rawDataOption, timeoutOption, attemptsOption]),
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

	// Typed page by page as they arrive (de-duplication and order read the typed voiceId and submitTime).
	const request = { path, itemIndex, timeoutSeconds, maxAttempts, typeRecord: raw ? undefined : typeRecord };
	return await searchWindows(ctx, request, range, limit);
}
