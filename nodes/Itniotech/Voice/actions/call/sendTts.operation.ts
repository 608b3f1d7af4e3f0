import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import type { PlatformLimits } from '../../../api/platform';
import { platformLimits } from '../../../api/platform';
import { appIdOption, readAppId } from '../../../common/appId';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import {
	additionalCallFields,
	TTS_LANGUAGES,
	isSet,
	readSharedCallFields,
	retryOnFailNotice,
} from '../../helpers/callFields';
import { CALL_UNKNOWN_OUTCOME, withCalls } from '../../helpers/callReport';
import { voiceOptions } from '../../helpers/options';
import { waitOptions } from '../../../common/waitForResult/options';
import {
	previewValue,
	validateChoice,
	validateInteger,
	validateNumber,
	validatePhoneNumber,
	validatePlatformInteger,
	validateText,
} from '../../../common/validation';

export const meta: OperationMeta = {
	value: 'sendTts',
	name: 'Send Text to Speech',
	action: 'Send a text to speech call',
	description:
		'Call one phone number and read a text aloud, e.g. a verification code. Returns the Voice ID of the call.',
};

const TEXT_MAX = 1000;

export const properties: INodeProperties[] = [
	retryOnFailNotice,
	{
		displayName: 'Phone Number',
		name: 'callee',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6281234567890',
		description:
			'Number to call (Callee in the console): the country code, then the number; 7 to 15 digits',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: TTS_LANGUAGES.map(([name, value]) => ({ name, value })),
		default: 'EN',
		description: 'Language of the spoken text',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Your verification code is 1 2 3 4',
		description: `What the call says, up to ${TEXT_MAX} characters`,
	},
	additionalCallFields([
		{
			displayName: 'Accent',
			name: 'accent',
			type: 'string',
			default: '',
			placeholder: 'e.g. 91',
			description: 'Accent code for the voice, as listed by Itniotech',
		},
		{
			displayName: 'Times to Play',
			name: 'loopCount',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 9 },
			default: 1,
			description:
				'How many times the text is read: 1 to 9 on Itniotech, 1 to 3 on Onbuka and other brands',
		},
		{
			displayName: 'Max Ringing Time (Seconds)',
			name: 'maxRingingTime',
			type: 'number',
			typeOptions: { minValue: 20, maxValue: 120 },
			default: 60,
			description: 'How long the phone rings before giving up, 20 to 120 seconds',
		},
		{
			displayName: 'Recall Count',
			name: 'recallCount',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 9 },
			default: 0,
			description: 'How many times Itniotech calls again when nobody answers (0 = never, up to 9)',
		},
		{
			displayName: 'Recall Interval (Minutes)',
			name: 'recallInterval',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 999 },
			default: 5,
			description: 'Minutes between recalls, 1 to 999',
		},
		{
			displayName: 'Speaking Rate',
			name: 'speakingRate',
			type: 'number',
			typeOptions: { minValue: 0.25, maxValue: 4, numberPrecision: 2 },
			default: 1,
			description: 'Speed of the voice, from 0.25 (slow) to 4 (fast)',
		},
		{
			displayName: 'Voice Gender',
			name: 'ssmlGender',
			type: 'options',
			options: [
				{ name: 'Male', value: 1 },
				{ name: 'Female', value: 2 },
			],
			default: 2,
			description: 'The voice that reads the text',
		},
	]),
	voiceOptions([appIdOption('voice'), timeoutOption, ...waitOptions('calls')]),
];

/** Builds and checks the whole request body before anything is sent. */
export function buildSendTtsBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	limits: PlatformLimits & { platformName: string },
): IDataObject {
	const node = ctx.getNode();
	const language = ctx.getNodeParameter('language', itemIndex);
	if (typeof language !== 'string' || !/^[A-Za-z]{2,5}$/.test(language.trim())) {
		throw new NodeOperationError(
			node,
			`The Language in item ${itemIndex} must be a language code such as EN`,
			{
				itemIndex,
				description: `Got ${previewValue(language)}. Allowed: ${TTS_LANGUAGES.map(([, code]) => code).join(', ')}.`,
			},
		);
	}
	const body: IDataObject = {
		callee: validatePhoneNumber(
			node,
			'Phone Number',
			ctx.getNodeParameter('callee', itemIndex),
			itemIndex,
		),
		language: language.trim().toUpperCase(),
		text: validateText(node, 'Text', ctx.getNodeParameter('text', itemIndex), itemIndex, {
			max: TEXT_MAX,
		}),
	};
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	Object.assign(body, readSharedCallFields(ctx, itemIndex, extra));
	const has = (key: string) => isSet(extra[key]);
	if (has('loopCount')) {
		const range = limits.sendCodeLoopCount;
		body.loopCount = validatePlatformInteger(
			node,
			'Times to Play',
			extra.loopCount,
			itemIndex,
			range,
			limits.platformName,
		);
	}
	if (has('recallCount'))
		body.recallCount = validateInteger(node, 'Recall Count', extra.recallCount, itemIndex, 0, 9);
	if (has('recallInterval'))
		body.recallInterval = validateInteger(
			node,
			'Recall Interval',
			extra.recallInterval,
			itemIndex,
			1,
			999,
		);
	if (has('maxRingingTime'))
		body.maxRingingTime = validateInteger(
			node,
			'Max Ringing Time',
			extra.maxRingingTime,
			itemIndex,
			20,
			120,
		);
	if (has('speakingRate'))
		body.speakingRate = validateNumber(
			node,
			'Speaking Rate',
			extra.speakingRate,
			itemIndex,
			0.25,
			4,
		);
	if (has('ssmlGender'))
		body.ssmlGender = validateChoice(node, 'Voice Gender', extra.ssmlGender, itemIndex, [1, 2]);
	if (has('accent'))
		body.accent = validateText(node, 'Accent', extra.accent, itemIndex, { max: 16 });
	return body;
}

export const placesCalls = true;

/** Every item is checked before the first call. */
export const checkFirst = true;

interface Input {
	body: IDataObject;
	timeoutSeconds: number;
}

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<Input> {
	const body = buildSendTtsBody(this, itemIndex, platformLimits(await run.credentials(itemIndex)));
	body.appId = await readAppId(this, itemIndex, run, 'voice');
	return { body, timeoutSeconds: readRequestOptions(this, itemIndex).timeoutSeconds };
}

/** POST /voice/sendCode: one call per input item, sent exactly once. */
export async function execute(
	this: IExecuteFunctions,
	{ body, timeoutSeconds }: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const number = String(body.callee);
	let envelope;
	try {
		envelope = await itniotechApiRequest(this, run, {
			method: 'POST',
			path: '/voice/sendCode',
			body,
			itemIndex,
			timeoutSeconds,
			isSend: true,
			unknownOutcome: CALL_UNKNOWN_OUTCOME,
		});
	} catch (error) {
		throw withCalls(error, itemIndex, [], [number], []);
	}
	// The voiceId is text (or a number, kept to the digit by the transport); anything else is no ID.
	const { data } = envelope;
	return [
		{ voiceId: typeof data === 'string' || typeof data === 'number' ? String(data) : null, number },
	];
}
