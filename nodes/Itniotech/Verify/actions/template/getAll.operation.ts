import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { OTP_PATHS } from '../../../api/platform';
import { listEntries, typeTemplate } from '../../../api/records/otp';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { readOptionalAppId } from '../../../common/appId';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { readLimit, returnAllOrLimit } from '../../../common/paging';
import { verifyOptions } from '../../helpers/verifyFields';

export const meta: OperationMeta = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many templates',
	description:
		"Get the OTP app's templates (every app's when no OTP App ID is set), with IDs, texts and code settings",
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	verifyOptions([timeoutOption, attemptsOption]),
];

interface Input {
	limit: number | undefined;
	timeoutSeconds: number;
	maxAttempts: number;
}

export function readInput(this: IExecuteFunctions, itemIndex: number): Input {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	return { limit: readLimit(this, itemIndex), timeoutSeconds, maxAttempts };
}

/**
 * GET /otp/template/list: every template of the account at once, no paging. Only the node's OTP app's are kept,
 * as Template → From List shows them, so the list matches what Send Code can use.
 */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { limit, timeoutSeconds, maxAttempts } = input;
	const envelope = await itniotechApiRequest(this, run, {
		method: 'GET',
		path: OTP_PATHS.templates,
		itemIndex,
		timeoutSeconds,
		maxAttempts,
	});
	const appId = await readOptionalAppId(this, itemIndex, run, 'otp');
	const templates = listEntries(envelope.data, 'templateId')
		.map(typeTemplate)
		.filter(
			(template) => appId === undefined || template.appId === null || template.appId === appId,
		);
	return limit === undefined ? templates : templates.slice(0, limit);
}
