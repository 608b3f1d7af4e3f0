import { defineResource } from '../../../common/operations';
import * as getAll from './getAll.operation';

/** Its operations in menu order; the first is the default. */
export const template = defineResource('template', 'Template', [getAll]);
