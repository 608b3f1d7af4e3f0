import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Run } from '../../api/transport/run';
import { readAppId } from '../../common/appId';
import { validateChoice, validateInteger, validateText } from '../../common/validation';
import { isSet } from './callFields';

/** A campaign's hang-up SMS: its Additional Fields and their check (Campaign → Create). */

const SMS_MAX = 1000;

/** When the hang-up SMS goes: the option value → the vendor's flag. */
const SMS_WHEN: Record<string, string> = {
	answered: 'successPush',
	failed: 'failedPush',
	rang: 'ringPush',
	keyPressed: 'feedbackPush',
};

export const hangUpSmsFields: INodeProperties[] = [
	{
		displayName: 'Hang-Up SMS',
		name: 'smsContent',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. Thanks ${text1}, reply STOP to opt out',
		description: `An SMS sent when a call ends, up to ${SMS_MAX} characters; may use \${text1} … \${text10}`,
	},
	{
		displayName: 'Hang-Up SMS Delay (Seconds)',
		name: 'successPushTime',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 9999 },
		default: 10,
		description: 'Seconds after an answered call before the SMS goes, 0 to 9999',
	},
	{
		displayName: 'Hang-Up SMS Key',
		name: 'feedbackValue',
		type: 'string',
		default: '1',
		description: 'With "Key Pressed": the key (0 to 9) that sends the SMS',
	},
	{
		displayName: 'Hang-Up SMS Sender ID',
		name: 'senderId',
		type: 'string',
		default: '',
		placeholder: 'e.g. ACME',
		description: 'The name or number the SMS comes from, up to 32 characters',
	},
	{
		displayName: 'Hang-Up SMS When',
		name: 'smsWhen',
		type: 'multiOptions',
		options: [
			{ name: 'Answered', value: 'answered' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Key Pressed', value: 'keyPressed' },
			{ name: 'Rang', value: 'rang' },
		],
		default: ['answered'],
		description: 'Which calls get the hang-up SMS (answered calls when not added)',
	},
];

/**
 * The hang-up SMS part of a task's body, or nothing when no Hang-Up SMS text is added. The SMS App ID
 * comes from the credential unless Options → SMS App ID overrides it.
 */
export async function readHangUpSms(
	ctx: IExecuteFunctions,
	run: Run,
	extra: IDataObject,
): Promise<IDataObject> {
	if (!isSet(extra.smsContent)) return {};
	const node = ctx.getNode();
	const sms: IDataObject = {
		hangUpSms: 1,
		smsAppId: await readAppId(ctx, 0, run, 'sms', 'smsAppId'),
		smsContent: validateText(node, 'Hang-Up SMS', extra.smsContent, 0, { max: SMS_MAX }),
	};
	const when = Array.isArray(extra.smsWhen) ? (extra.smsWhen as unknown[]) : ['answered'];
	if (when.length === 0) {
		throw new NodeOperationError(node, 'The Hang-Up SMS When in item 0 is empty', {
			itemIndex: 0,
			description: 'Pick at least one: Answered, Failed, Key Pressed or Rang.',
		});
	}
	for (const value of when) {
		const flag = validateChoice(node, 'Hang-Up SMS When', value, 0, Object.keys(SMS_WHEN));
		sms[SMS_WHEN[flag]] = 1;
	}
	if (sms.feedbackPush === 1) {
		const key = String(extra.feedbackValue ?? '1').trim();
		sms.feedbackValue = validateChoice(node, 'Hang-Up SMS Key', key, 0, [...'0123456789']);
	}
	if (sms.successPush === 1 && isSet(extra.successPushTime)) {
		const delay = extra.successPushTime;
		sms.successPushTime = validateInteger(node, 'Hang-Up SMS Delay', delay, 0, 0, 9999);
	}
	if (isSet(extra.senderId))
		sms.senderId = validateText(node, 'Hang-Up SMS Sender ID', extra.senderId, 0, { max: 32 });
	return sms;
}
