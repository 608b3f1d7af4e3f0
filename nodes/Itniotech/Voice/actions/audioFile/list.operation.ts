import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { attemptsOption, optionsField, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { collectPages, readLimit, returnAllOrLimit } from '../../../common/paging';

export const meta: OperationMeta = {
	value: 'list',
	name: 'List Audio Files',
	action: 'List audio files',
	description: 'List the audio files uploaded to the account with their File IDs',
};

export const properties: INodeProperties[] = [...returnAllOrLimit(), optionsField([timeoutOption, attemptsOption])];

/** POST /voice/fileQuery: one item per uploaded audio file. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	const files = await collectPages(
		this,
		{ path: '/voice/fileQuery', itemIndex, timeoutSeconds, maxAttempts },
		readLimit(this, itemIndex),
	);
	return files.map((file) => ({ fileId: file.fileId ?? null, fileName: file.fileName ?? null }));
}
