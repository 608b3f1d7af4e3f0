import { typeCallRecord } from '../../../api/records/record';
import type { OperationMeta } from '../../../common/operations';
import { recordSearchOperation } from '../../helpers/recordOperations';

export const meta: OperationMeta = {
	value: 'searchGroupRecords',
	name: 'Search Group Call Records',
	action: 'Search group call records',
	description: 'Get the records of all group and voice message calls submitted between two dates (last two months)',
};

/** POST /voice/recordGroupQuery over ≤31-day windows: one output item per record, oldest first. */
export const { properties, execute } = recordSearchOperation('/voice/recordGroupQuery', typeCallRecord);
