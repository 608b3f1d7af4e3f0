import type { INodeProperties } from 'n8n-workflow';
import { optionsField } from '../../common/fields';

/**
 * An operation's Options (Timeout, Max Attempts, request limits, overrides). Hidden when the node runs as
 * an AI agent's tool, so the agent fills in the business fields only and the engine keeps its defaults.
 */
export function voiceOptions(options: INodeProperties[]): INodeProperties {
	return { ...optionsField(options), displayOptions: { hide: { '@tool': [true] } } };
}
