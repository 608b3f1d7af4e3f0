import { typeSipRecord } from '../../../api/records/record';
import type { OperationMeta } from '../../../common/operations';
import { recordSearchOperation } from '../../helpers/recordOperations';

export const meta: OperationMeta = {
	value: 'search',
	name: 'Search SIP Call Records',
	action: 'Search SIP call records',
	description: 'Get the records of SIP phone calls submitted between two dates (last two months)',
};

/** POST /voice/recordSipQuery over ≤31-day windows: one output item per record, oldest first. */
export const { properties, execute } = recordSearchOperation('/voice/recordSipQuery', typeSipRecord);
