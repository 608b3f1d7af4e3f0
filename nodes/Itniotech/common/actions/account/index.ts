import { defineResource } from '../../operations';
import * as getBalance from './getBalance.operation';

/** Its operations in menu order; the first is the default. */
export const account = defineResource('account', 'Account', [getBalance]);
