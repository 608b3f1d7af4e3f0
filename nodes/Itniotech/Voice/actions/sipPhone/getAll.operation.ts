import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { SIP_PATHS } from '../../../api/platform';
import { typeSipPhone } from '../../../api/records/task';
import type { Run } from '../../../api/transport/run';
import { appIdOption, readAppId } from '../../../common/appId';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { collectPages, readLimit, returnAllOrLimit } from '../../../common/paging';
import { includePasswordsOption } from '../../helpers/sipPhone';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many SIP phones',
	description:
		"Get the voice app's SIP phones: SIP account, name, group and caller ID (passwords on request)",
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	voiceOptions([appIdOption('voice'), includePasswordsOption, timeoutOption, attemptsOption]),
];

interface Input {
	appId: string;
	includePasswords: boolean;
	limit: number | undefined;
	timeoutSeconds: number;
	maxAttempts: number;
}

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<Input> {
	const { options, timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	return {
		appId: await readAppId(this, itemIndex, run, 'voice'),
		includePasswords: options.includePasswords === true,
		limit: readLimit(this, itemIndex),
		timeoutSeconds,
		maxAttempts,
	};
}

/** POST /voice/sipQuery, page by page: one output item per phone, its password only when asked for. */
export async function execute(
	this: IExecuteFunctions,
	{ appId, includePasswords, limit, timeoutSeconds, maxAttempts }: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await collectPages(
		this,
		{
			run,
			path: SIP_PATHS.list,
			params: { appId },
			itemIndex,
			timeoutSeconds,
			maxAttempts,
			typeRecord: (raw) => typeSipPhone(raw, includePasswords),
		},
		limit,
	);
}
