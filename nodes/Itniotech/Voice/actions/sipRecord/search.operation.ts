import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeSipRecord } from '../../../api/records/record';
import { executeRecordSearch, recordSearchFields } from '../../helpers/recordLookup';

export const description = recordSearchFields({ resource: ['sipRecord'], operation: ['search'] });

/** POST /voice/recordSipQuery over ≤31-day windows. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await executeRecordSearch(this, itemIndex, '/voice/recordSipQuery', typeSipRecord);
}
