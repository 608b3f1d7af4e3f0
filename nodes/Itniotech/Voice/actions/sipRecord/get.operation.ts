import { typeSipRecord } from '../../../api/records/record';
import type { OperationMeta } from '../../../common/operations';
import { recordGetOperation } from '../../helpers/recordOperations';

export const meta: OperationMeta = {
	value: 'get',
	name: 'Get SIP Call Record',
	action: 'Get a SIP call record',
	description: 'Get the record of one SIP phone call by its Voice ID',
};

/** GET /voice/recordSip/{voiceId}: one record per input item. */
export const { properties, readInput, execute } = recordGetOperation('/voice/recordSip', typeSipRecord);
