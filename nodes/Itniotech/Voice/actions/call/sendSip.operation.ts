import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { SIP_PATHS } from '../../../api/platform';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { appIdOption, readAppId } from '../../../common/appId';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { validatePhoneNumber, validateText } from '../../../common/validation';
import {
	calledInfoOption,
	displayNumOption,
	isSet,
	retryOnFailNotice,
} from '../../helpers/callFields';
import { withCalls } from '../../helpers/callReport';
import { voiceOptions } from '../../helpers/options';
import { readSipAccount, sipPhoneField } from '../../helpers/sipPhone';

export const meta: OperationMeta = {
	value: 'sendSip',
	name: 'Send From SIP Phone',
	action: 'Send a call from a SIP phone',
	description:
		'Have a SIP phone of the account call a number ("click to call"). Returns the Voice ID of the call.',
};

export const properties: INodeProperties[] = [
	retryOnFailNotice,
	sipPhoneField('The SIP phone that places the call'),
	{
		displayName: 'Phone Number',
		name: 'callee',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6281234567890',
		description: 'Number to call: the country code, then the number; 7 to 15 digits',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [calledInfoOption, displayNumOption],
	},
	voiceOptions([appIdOption('voice'), timeoutOption]),
];

/** A SIP call's record is a SIP call record: that is where to check before calling again. */
const SIP_CALL_UNKNOWN_OUTCOME = {
	what: 'the call was placed',
	check:
		'check with SIP Call Record → Get Many (or the Itniotech console) before calling again, so nobody is called twice',
};

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
	const node = this.getNode();
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		callee: validatePhoneNumber(
			node,
			'Phone Number',
			this.getNodeParameter('callee', itemIndex),
			itemIndex,
		),
		account: readSipAccount(this, itemIndex),
		// The vendor wants the key, null when not set.
		displayNum: isSet(extra.displayNum)
			? validatePhoneNumber(node, 'Caller ID', extra.displayNum, itemIndex)
			: null,
		appId: await readAppId(this, itemIndex, run, 'voice'),
	};
	if (isSet(extra.calledInfo))
		body.calledInfo = validateText(node, 'Custom Data', extra.calledInfo, itemIndex, {
			max: 1000,
			trim: false,
		});
	return { body, timeoutSeconds: readRequestOptions(this, itemIndex).timeoutSeconds };
}

/** POST /voice/sendSip: one call per input item, sent exactly once; SIP Call Record → Get reads its record. */
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
			path: SIP_PATHS.call,
			body,
			itemIndex,
			timeoutSeconds,
			isSend: true,
			unknownOutcome: SIP_CALL_UNKNOWN_OUTCOME,
		});
	} catch (error) {
		throw withCalls(error, itemIndex, [], [number], []);
	}
	const { data } = envelope;
	return [
		{
			voiceId: typeof data === 'string' || typeof data === 'number' ? String(data) : null,
			number,
			sipAccount: String(body.account),
		},
	];
}
