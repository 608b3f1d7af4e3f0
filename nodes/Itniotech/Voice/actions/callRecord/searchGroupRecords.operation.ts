import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeCallRecord } from '../../../api/records/record';
import { executeRecordSearch, recordSearchFields } from '../../helpers/recordLookup';

export const description = recordSearchFields({
	resource: ['callRecord'],
	operation: ['searchGroupRecords'],
});

/** POST /voice/recordGroupQuery over ≤31-day windows: one output item per record, oldest first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await executeRecordSearch(this, itemIndex, '/voice/recordGroupQuery', typeCallRecord);
}
