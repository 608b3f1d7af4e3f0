import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Run } from '../../../api/transport/run';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { collectPages, readLimit, returnAllOrLimit } from '../../../common/paging';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'list',
	name: 'Get Many',
	action: 'Get many audio files',
	description: 'Get the audio files uploaded to the account, with their File IDs',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	voiceOptions([timeoutOption, attemptsOption]),
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

/** POST /voice/fileQuery: one item per uploaded audio file. */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { limit, timeoutSeconds, maxAttempts } = input;
	const files = await collectPages(
		this,
		{ run, path: '/voice/fileQuery', itemIndex, timeoutSeconds, maxAttempts },
		limit,
	);
	return files.map((file) => ({ fileId: file.fileId ?? null, fileName: file.fileName ?? null }));
}
