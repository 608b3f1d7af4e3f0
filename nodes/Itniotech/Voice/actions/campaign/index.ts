import { defineResource } from '../../../common/operations';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as redial from './redial.operation';
import * as suspend from './suspend.operation';

/** Its operations in menu order; the first is the default. */
export const campaign = defineResource('campaign', 'Campaign', [
	create,
	get,
	getAll,
	suspend,
	redial,
]);
