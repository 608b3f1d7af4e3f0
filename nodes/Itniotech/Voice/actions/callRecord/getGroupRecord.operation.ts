import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeCallRecord } from '../../shared/record';
import { executeRecordGet, recordGetFields } from '../../shared/recordLookup';

export const description = recordGetFields({ resource: ['callRecord'], operation: ['getGroupRecord'] });

/** GET /voice/recordGroup/{voiceId}: one record per input item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await executeRecordGet(this, itemIndex, '/voice/recordGroup', typeCallRecord);
}
