import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeCallRecord } from '../../../api/records/record';
import { executeRecordGet, recordGetFields } from '../../helpers/recordLookup';

export const description = recordGetFields({ resource: ['callRecord'], operation: ['getGroupRecord'] });

/** GET /voice/recordGroup/{voiceId}: one record per input item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await executeRecordGet(this, itemIndex, '/voice/recordGroup', typeCallRecord);
}
