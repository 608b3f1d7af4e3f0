import { defineResource } from '../../../common/operations';
import * as list from './list.operation';
import * as upload from './upload.operation';

/** Its operations in menu order; the first is the default. */
export const audioFile = defineResource('audioFile', 'Audio File', [upload, list]);
