import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeCallRecord } from '../../../api/records/record';
import type { OperationMeta } from '../../../common/operations';
import { executeRecordSearch, recordSearchFields } from '../../helpers/recordLookup';

export const meta: OperationMeta = {
	value: 'searchGroupRecords',
	name: 'Search Group Call Records',
	action: 'Search group call records',
	description:
		'Get the records of all group and voice message calls submitted between two dates (last two months)',
};

export const properties = recordSearchFields();

/** POST /voice/recordGroupQuery over ≤31-day windows: one output item per record, oldest first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await executeRecordSearch(this, itemIndex, '/voice/recordGroupQuery', typeCallRecord);
}
