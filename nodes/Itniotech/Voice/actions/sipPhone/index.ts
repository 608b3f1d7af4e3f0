import { defineResource } from '../../../common/operations';
import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as resetPassword from './resetPassword.operation';

/** Its operations in menu order; the first is the default. */
export const sipPhone = defineResource('sipPhone', 'SIP Phone', [getAll, create, resetPassword]);
