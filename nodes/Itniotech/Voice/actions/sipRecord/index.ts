import { defineResource } from '../../../common/operations';
import * as get from './get.operation';
import * as search from './search.operation';

/** Its operations in menu order; the first is the default. */
export const sipRecord = defineResource('sipRecord', 'SIP Call Record', [get, search]);
