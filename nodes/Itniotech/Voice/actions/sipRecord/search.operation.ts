import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeSipRecord } from '../../../api/records/record';
import type { OperationMeta } from '../../../common/operations';
import { executeRecordSearch, recordSearchFields } from '../../helpers/recordLookup';

export const meta: OperationMeta = {
	value: 'search',
	name: 'Search SIP Call Records',
	action: 'Search SIP call records',
	description:
		'Get the records of SIP phone calls submitted between two dates (last two months)',
};

export const properties = recordSearchFields();

/** POST /voice/recordSipQuery over ≤31-day windows. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await executeRecordSearch(this, itemIndex, '/voice/recordSipQuery', typeSipRecord);
}
