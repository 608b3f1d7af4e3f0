import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { OTP_PATHS } from '../../../api/platform';
import { typeVerificationRecord } from '../../../api/records/otp';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import {
	readOtpAppId,
	readReference,
	readVerificationId,
	verificationIdField,
	verifyOptions,
} from '../../helpers/verifyFields';

export const meta: OperationMeta = {
	value: 'get',
	name: 'Get',
	action: 'Get a verification',
	description:
		'Get a verification by its ID or by your Reference: verified or not, and how the SMS or call went',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'lookUpBy',
		type: 'options',
		options: [
			{ name: 'Verification ID', value: 'verificationId' },
			{ name: 'Reference', value: 'reference' },
		],
		default: 'verificationId',
		description: 'Which ID you have: the verificationId a send returned, or your own Reference',
	},
	...updateDisplayOptions({ show: { lookUpBy: ['verificationId'] } }, [verificationIdField]),
	...updateDisplayOptions({ show: { lookUpBy: ['reference'] } }, [
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			required: true,
			default: '={{ $json.reference }}',
			placeholder: 'e.g. signup-1001',
			description: 'The Reference given to Send Code or Send My Own Code',
			hint: "Uses each input item's reference; replace it to look up another one",
		},
	]),
	verifyOptions([timeoutOption, attemptsOption]),
];

type Input =
	| { by: 'verificationId'; verificationId: string; timeoutSeconds: number; maxAttempts: number }
	| {
			by: 'reference';
			reference: string;
			appId: string;
			timeoutSeconds: number;
			maxAttempts: number;
	  };

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<Input> {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	const by = this.getNodeParameter('lookUpBy', itemIndex, 'verificationId');
	if (by !== 'reference') {
		return {
			by: 'verificationId',
			verificationId: readVerificationId(this, itemIndex),
			timeoutSeconds,
			maxAttempts,
		};
	}
	const node = this.getNode();
	const reference = readReference(
		node,
		this.getNodeParameter('reference', itemIndex, ''),
		itemIndex,
	);
	if (reference === undefined) {
		throw new NodeOperationError(node, `The Reference in item ${itemIndex} is empty`, {
			itemIndex,
			description: 'Enter the Reference given to Send Code, or map it, e.g. {{ $json.reference }}.',
		});
	}
	const appId = await readOtpAppId(this, itemIndex, run);
	return { by: 'reference', reference, appId, timeoutSeconds, maxAttempts };
}

/**
 * GET /otp/verification/record/{id}, or POST /otp/verification/orderId/record with the OTP app and the
 * Reference (the vendor's orderId): one typed item (api/records/otp.ts).
 */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { timeoutSeconds, maxAttempts } = input;
	const envelope =
		input.by === 'verificationId'
			? await itniotechApiRequest(this, run, {
					method: 'GET',
					path: OTP_PATHS.record(input.verificationId),
					itemIndex,
					timeoutSeconds,
					maxAttempts,
				})
			: await itniotechApiRequest(this, run, {
					method: 'POST',
					path: OTP_PATHS.byReference,
					body: { appId: input.appId, orderId: input.reference },
					itemIndex,
					timeoutSeconds,
					maxAttempts,
				});
	const data = (
		typeof envelope.data === 'object' && envelope.data !== null ? envelope.data : {}
	) as IDataObject;
	const record = typeVerificationRecord(data);
	if (input.by === 'verificationId' && record.verificationId === null)
		record.verificationId = input.verificationId;
	if (input.by === 'reference' && record.reference === null) record.reference = input.reference;
	return [record];
}
