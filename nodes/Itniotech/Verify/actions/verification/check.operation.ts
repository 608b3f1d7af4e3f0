import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { OTP_PATHS } from '../../../api/platform';
import { WRONG_CODE, checkResult, matchedOf } from '../../../api/records/otp';
import { text } from '../../../api/records/values';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import {
	CODE_MAX,
	CODE_MIN,
	readVerificationId,
	typedCode,
	verificationIdField,
	verifyOptions,
} from '../../helpers/verifyFields';

export const meta: OperationMeta = {
	value: 'check',
	name: 'Check Code',
	action: 'Check a verification code',
	description:
		'Check the code a person typed. Returns verified true or false with the reason, for an IF node to branch on.',
};

export const properties: INodeProperties[] = [
	verificationIdField,
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '={{ $json.code }}',
		placeholder: 'e.g. 482913',
		description: `The code the person typed (${CODE_MIN} to ${CODE_MAX} letters or digits; spaces and dashes are ignored)`,
		hint: "Uses each input item's code field; after a Webhook node use {{ $json.body.code }}",
	},
	verifyOptions([timeoutOption]),
];

/** A check is never repeated: a second check could count as a second attempt. */
export const checksCodes = true;

interface Input {
	verificationId: string;
	/** Undefined: what was typed cannot be a code, so it is wrong without asking Itniotech. */
	code: string | undefined;
	timeoutSeconds: number;
}

export function readInput(this: IExecuteFunctions, itemIndex: number): Input {
	const verificationId = readVerificationId(this, itemIndex);
	const code = typedCode(this.getNodeParameter('code', itemIndex, ''));
	const { timeoutSeconds } = readRequestOptions(this, itemIndex);
	return { verificationId, code, timeoutSeconds };
}

/** A -22 on a check: Itniotech does not know this verificationId; the error says which one. */
function namingTheVerification(error: unknown, verificationId: string): unknown {
	if (error instanceof NodeApiError && error.context.vendorStatus === '-22') {
		error.message = `Itniotech does not know the verification ${verificationId} (error -22)`;
		error.description =
			`Check Code needs the verificationId that Send Code, Send My Own Code or Resend returned (after a Resend, the new one). ${error.description ?? ''}`.trim();
	}
	return error;
}

/**
 * POST /otp/verification/verify, once. Status 0 means the check was processed; the result is data.matched
 * (0 verified; 2 wrong code, 4 already used, 5 expired, …): a wrong code is an output item, not an error.
 * A status 0 without a readable matched is no verification and fails; -22 names the verificationId.
 */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { verificationId, code, timeoutSeconds } = input;
	const row = (verified: boolean, reason: string | null, data: IDataObject = {}) => ({
		verified,
		reason,
		verificationId,
		number: text(data.to),
		channel: text(data.channel),
		resultCode: matchedOf(data.matched),
	});
	if (code === undefined) return [row(false, WRONG_CODE)];
	let envelope;
	try {
		envelope = await itniotechApiRequest(this, run, {
			method: 'POST',
			path: OTP_PATHS.check,
			body: { verificationId, code },
			itemIndex,
			timeoutSeconds,
			maxAttempts: 1,
		});
	} catch (error) {
		throw namingTheVerification(error, verificationId);
	}
	const data = (
		typeof envelope.data === 'object' && envelope.data !== null ? envelope.data : {}
	) as IDataObject;
	const matched = matchedOf(data.matched);
	if (matched === null) {
		throw new NodeOperationError(
			this.getNode(),
			`Itniotech answered the check of verification ${verificationId} without a result`,
			{
				itemIndex,
				description:
					'Its answer had status 0 but no readable data.matched, so the code is not taken as verified. Check the code again, or contact Itniotech support if this keeps happening.',
			},
		);
	}
	const { verified, reason } = checkResult(matched);
	return [row(verified, reason, data)];
}
