import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { describeVendorStatus } from '../../../api/statusCodes';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { platformLimits } from '../../../api/platform';
import { appIdOption, readAppId } from '../../../common/appId';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import {
	additionalCallFields,
	audioFileField,
	isSet,
	readSharedCallFields,
	retryOnFailNotice,
} from '../../helpers/callFields';
import { CALL_UNKNOWN_OUTCOME, withCalls } from '../../helpers/callReport';
import { voiceOptions } from '../../helpers/options';
import { waitOptions } from '../../../common/waitForResult/options';
import {
	previewValue,
	validateInteger,
	validatePhoneNumber,
	validateText,
} from '../../../common/validation';

export const meta: OperationMeta = {
	value: 'sendGroup',
	name: 'Send Audio File',
	action: 'Send an audio file call',
	description:
		'Call many phone numbers and play an uploaded audio file. Returns one Voice ID per number.',
};

/** Itniotech's callees per request; each platform's own limit comes from platformLimits (Onbuka 1000). */
export const MAX_CALLEES_PER_REQUEST = 200;
const MAX_CALLEES = 10_000;

export const properties: INodeProperties[] = [
	retryOnFailNotice,
	{
		displayName: 'Phone Numbers',
		name: 'callees',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6281234567890, 919876543210',
		description:
			'Numbers to call (Callees in the console), with country code, separated by commas or new lines. Duplicates are called once.',
	},
	audioFileField('The uploaded audio file to play'),
	additionalCallFields([
		{
			displayName: 'Times to Play',
			name: 'loopCount',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3 },
			default: 1,
			description: 'How many times the audio file is played, 1 to 3',
		},
	]),
	voiceOptions([appIdOption('voice'), timeoutOption, ...waitOptions('calls')]),
];

/** Phone Numbers from text ("a, b\nc") or a list, validated and de-duplicated in their first order. */
export function parseCallees(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	const node = ctx.getNode();
	const parts: unknown[] = Array.isArray(value)
		? value
		: typeof value === 'string' || typeof value === 'number'
			? String(value).split(/[,;\n\r]+/)
			: [value];
	const entries = parts.filter((part) => !(typeof part === 'string' && part.trim() === ''));
	if (entries.length === 0) {
		throw new NodeOperationError(node, `The Phone Numbers in item ${itemIndex} are empty`, {
			itemIndex,
			description: `Got ${previewValue(value)}. Enter at least one phone number, e.g. 6281234567890.`,
		});
	}
	const unique = [
		...new Set(
			entries.map((entry) => validatePhoneNumber(node, 'Phone Numbers', entry, itemIndex)),
		),
	];
	if (unique.length > MAX_CALLEES) {
		throw new NodeOperationError(
			node,
			`The Phone Numbers in item ${itemIndex} list more than ${MAX_CALLEES} numbers`,
			{
				itemIndex,
				description: `Got ${unique.length} numbers. Split them over several items.`,
			},
		);
	}
	return unique;
}

export const placesCalls = true;

/** The Audio File's ID: a resource locator's value, or the plain text of a workflow saved before it was one. */
function readFileId(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const value: unknown = ctx.getNodeParameter('fileId', itemIndex, undefined, {
		extractValue: true,
	});
	return isObject(value) && '__rl' in value ? value.value : value;
}

/** One item's group call, read and validated: its callees, the fields every chunk carries, its timeout. */
function readGroupCall(ctx: IExecuteFunctions, itemIndex: number) {
	const node = ctx.getNode();
	const callees = parseCallees(ctx, ctx.getNodeParameter('callees', itemIndex), itemIndex);
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const base: IDataObject = {
		fileId: validateText(node, 'Audio File', readFileId(ctx, itemIndex), itemIndex, { max: 128 }),
		displayNum: null, // the vendor wants the key, null when not set
		...readSharedCallFields(ctx, itemIndex, extra),
	};
	if (isSet(extra.loopCount))
		base.loopCount = validateInteger(node, 'Times to Play', extra.loopCount, itemIndex, 1, 3);
	const { timeoutSeconds } = readRequestOptions(ctx, itemIndex);
	return { callees, base, timeoutSeconds };
}

/** Every item is checked before the first call. */
export const checkFirst = true;

type Input = ReturnType<typeof readGroupCall> & { chunkSize: number };

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<Input> {
	const { maxCalleesPerRequest: chunkSize } = platformLimits(await run.credentials(itemIndex));
	const call = readGroupCall(this, itemIndex);
	call.base.appId = await readAppId(this, itemIndex, run, 'voice');
	return { ...call, chunkSize };
}

/** Text or a number as text; an object or list where an ID belongs is no ID, not "[object Object]". */
function textOrNull(value: unknown): string | null {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why Itniotech refused one number, in the same words as a refused Send Text to Speech (and the SMS sends'
 * `reason`), with Itniotech's own code and text after it.
 */
function refusalReason(code: string | null, vendorText: string | null): string {
	const said = [code, vendorText].filter((part) => part !== null).join(': ');
	if (code === null) return said === '' ? 'refused by Itniotech' : said;
	return `${describeVendorStatus(code).meaning} (Itniotech: ${said})`;
}

/**
 * POST /voice/sendGroup in consecutive chunks of at most 200 callees; one output item per number.
 * A chunk is never sent twice; if one fails, no later chunk is sent and the error records which callees
 * were placed (with their voiceIds), which have an unknown outcome and which were not sent.
 */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { callees, base, timeoutSeconds, chunkSize } = input;

	const results: IDataObject[] = [];
	for (let start = 0; start < callees.length; start += chunkSize) {
		const chunk = callees.slice(start, start + chunkSize);
		let envelope;
		try {
			envelope = await itniotechApiRequest(this, run, {
				method: 'POST',
				path: '/voice/sendGroup',
				body: { ...base, callee: chunk.join(',') },
				itemIndex,
				timeoutSeconds,
				isSend: true,
				unknownOutcome: CALL_UNKNOWN_OUTCOME,
			});
		} catch (error) {
			throw withCalls(error, itemIndex, results, chunk, callees.slice(start + chunkSize));
		}
		const answers = Array.isArray(envelope.data)
			? (envelope.data as unknown[]).filter(isObject)
			: [];
		for (const answer of answers) {
			const code = textOrNull(answer.terminationCode);
			results.push({
				voiceId: textOrNull(answer.voiceId),
				number: textOrNull(answer.callee),
				submitted: code === '0',
				reason: code === '0' ? null : refusalReason(code, textOrNull(answer.terminationReason)),
			});
		}
	}
	return results;
}
