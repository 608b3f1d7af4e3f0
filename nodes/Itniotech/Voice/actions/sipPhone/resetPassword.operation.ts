import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { SIP_PATHS } from '../../../api/platform';
import { text } from '../../../api/records/values';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { appIdOption, readAppId } from '../../../common/appId';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { readSipAccount, sipPhoneField } from '../../helpers/sipPhone';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'resetPassword',
	name: 'Reset Password',
	action: 'Reset a SIP phone password',
	description: 'Give a SIP phone a new password. Returns the new password: treat it as a secret.',
};

export const properties: INodeProperties[] = [
	sipPhoneField('The SIP phone that gets a new password'),
	voiceOptions([appIdOption('voice'), timeoutOption]),
];

interface Input {
	account: string;
	appId: string;
	timeoutSeconds: number;
}

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<Input> {
	return {
		account: readSipAccount(this, itemIndex),
		appId: await readAppId(this, itemIndex, run, 'voice'),
		timeoutSeconds: readRequestOptions(this, itemIndex).timeoutSeconds,
	};
}

/** POST /voice/sipReset once: a repeat would replace the password the first one returned. */
export async function execute(
	this: IExecuteFunctions,
	{ account, appId, timeoutSeconds }: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const envelope = await itniotechApiRequest(this, run, {
		method: 'POST',
		path: SIP_PATHS.resetPassword,
		body: { account, appId },
		itemIndex,
		timeoutSeconds,
		isSend: true,
		unknownOutcome: {
			what: 'the password was changed',
			check: 'reset it once more and use the password that answer returns',
		},
	});
	const data = (
		typeof envelope.data === 'object' && envelope.data !== null ? envelope.data : {}
	) as IDataObject;
	return [{ sipAccount: text(data.account) ?? account, password: text(data.password) }];
}
