import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { OTP_PATHS } from '../../../api/platform';
import type { Run } from '../../../api/transport/run';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import type { CodeSend } from '../../helpers/sendCode';
import { sendCode } from '../../helpers/sendCode';
import {
	RETRY_NOTICE,
	channelField,
	readChannel,
	readVerificationId,
	verificationIdField,
	verifyOptions,
} from '../../helpers/verifyFields';

export const meta: OperationMeta = {
	value: 'resend',
	name: 'Resend',
	action: 'Resend a verification code',
	description:
		'Send the code of a verification again, by SMS or call. Returns a new verificationId: check the code with that one.',
};

export const properties: INodeProperties[] = [
	RETRY_NOTICE,
	verificationIdField,
	channelField('How the code reaches the person this time'),
	verifyOptions([timeoutOption]),
];

export const sendsCodes = true;

export const checkFirst = true;

type Input = CodeSend & { previousVerificationId: string };

export function readInput(this: IExecuteFunctions, itemIndex: number): Input {
	const verificationId = readVerificationId(this, itemIndex);
	const channel = readChannel(this, itemIndex);
	const { timeoutSeconds } = readRequestOptions(this, itemIndex);
	return {
		path: OTP_PATHS.resend,
		body: { verificationId, channel },
		// The vendor answers with the number; until then the report names the verification.
		number: `verification ${verificationId}`,
		reference: null,
		timeoutSeconds,
		previousVerificationId: verificationId,
	};
}

/** POST /otp/verification/resend, once: the new verificationId, and the one it replaces. */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const row = await sendCode(this, run, itemIndex, input);
	if (row.number === input.number) row.number = null;
	delete row.reference;
	return [{ ...row, previousVerificationId: input.previousVerificationId }];
}
