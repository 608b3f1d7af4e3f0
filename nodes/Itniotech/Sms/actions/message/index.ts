import { defineResource } from '../../../common/operations';
import * as getReport from './getReport.operation';
import * as searchInbound from './searchInbound.operation';
import * as searchSent from './searchSent.operation';
import * as send from './send.operation';
import * as sendBatch from './sendBatch.operation';

/** Its operations in menu order; the first is the default. */
export const message = defineResource('message', 'Message', [
	send,
	sendBatch,
	getReport,
	searchSent,
	searchInbound,
]);
