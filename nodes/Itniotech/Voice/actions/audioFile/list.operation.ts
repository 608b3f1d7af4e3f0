import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { attemptsOption, optionsField, readReadOptions, timeoutOption } from '../../../common/fields';
import { collectPages, readLimit, returnAllOrLimit } from '../../../common/paging';

const show = { resource: ['audioFile'], operation: ['list'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	optionsField([timeoutOption, attemptsOption], show),
];

/** POST /voice/fileQuery: one item per uploaded audio file. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const files = await collectPages(
		this,
		{
			path: '/voice/fileQuery',
			itemIndex,
			...readReadOptions(this, itemIndex, options),
		},
		readLimit(this, itemIndex),
	);
	return files.map((file) => ({ fileId: file.fileId ?? null, fileName: file.fileName ?? null }));
}
