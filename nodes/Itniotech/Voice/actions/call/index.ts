import { defineResource } from '../../../common/operations';
import * as sendGroup from './sendGroup.operation';
import * as sendSip from './sendSip.operation';
import * as sendTts from './sendTts.operation';

/** Its operations in menu order; the first is the default. */
export const call = defineResource('call', 'Call', [sendTts, sendGroup, sendSip]);
