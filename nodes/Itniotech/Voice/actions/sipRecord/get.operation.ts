import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeSipRecord } from '../../../api/records/record';
import { executeRecordGet, recordGetFields } from '../../helpers/recordLookup';

export const description = recordGetFields({ resource: ['sipRecord'], operation: ['get'] });

/** GET /voice/recordSip/{voiceId}. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await executeRecordGet(this, itemIndex, '/voice/recordSip', typeSipRecord);
}
