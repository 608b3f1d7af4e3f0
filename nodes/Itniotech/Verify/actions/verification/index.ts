import { defineResource } from '../../../common/operations';
import * as check from './check.operation';
import * as get from './get.operation';
import * as resend from './resend.operation';
import * as send from './send.operation';
import * as sendOwnCode from './sendOwnCode.operation';

/** Its operations in menu order; the first is the default. */
export const verification = defineResource('verification', 'Verification', [
	send,
	sendOwnCode,
	check,
	resend,
	get,
]);
