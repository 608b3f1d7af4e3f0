import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { Run } from '../api/transport/run';

/**
 * Operations as modules: each `<value>.operation.ts` exports its menu entry (`meta`), its fields
 * (`properties`, without visibility) and `execute`. A resource lists its modules once (defineResource);
 * the Operation menu, each field's visibility, the router's lookup and the canvas subtitle are all derived
 * from that list, so nothing about an operation is written twice.
 */

export interface OperationMeta {
	/** The parameter value; the operation's file is named after it. */
	value: string;
	/** The Operation menu entry, also the canvas subtitle. */
	name: string;
	/** What the Actions list and AI agents show: verb + object. */
	action: string;
	description: string;
}

export interface OperationBase {
	meta: OperationMeta;
	/** The operation's fields; defineResource shows them for this operation only. */
	properties: INodeProperties[];
}

/** An operation that works item by item; the runner (runner.ts) runs it over the input. */
export interface OperationModule<Input = void> extends OperationBase {
	/** Reads and checks one item's parameters, without any request: what `execute` needs. */
	readInput(this: IExecuteFunctions, itemIndex: number, run: Run): Input | Promise<Input>;
	/** The work for one input item: its output rows. */
	execute(
		this: IExecuteFunctions,
		input: Input,
		run: Run,
		itemIndex: number,
	): Promise<IDataObject[]>;
	/** Sends: every item's input is read before the first request, so bad input never stops a run half-sent. */
	checkFirst?: boolean;
	/** Bulk look-ups: read items' inputs ahead of their turn (readAhead.ts); `readInput` must then be synchronous. */
	readAhead?: boolean;
	/** Bulk look-ups: space request starts by about a millisecond (RequestLimiter's `spaceStarts`). */
	spaceStarts?: boolean;
}

/** An operation that combines all input items into few requests, and so runs them all itself. */
export interface AcrossItemsOperation extends OperationBase {
	executeAll(this: IExecuteFunctions, run: Run): Promise<INodeExecutionData[][]>;
}

/** Any item-by-item operation, as a resource lists them: each module's own file types its input. */
export type AnyOperation = OperationModule<unknown>;

export interface Resource<M extends OperationBase = OperationBase> {
	value: string;
	name: string;
	/** The Operation menu, then every operation's fields, each shown for its own operation only. */
	properties: INodeProperties[];
	operations: ReadonlyMap<string, M>;
}

/** A resource from its operation modules, in menu order; the first is the default operation. */
export function defineResource<M extends OperationBase>(
	value: string,
	name: string,
	modules: M[],
): Resource<M> {
	const defaultOperation = modules[0].meta.value;
	const menu: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: modules.map(({ meta: { name, value, action, description } }) => ({
			name,
			value,
			action,
			description,
		})),
		default: defaultOperation,
	};
	const fields = modules.flatMap((module) =>
		updateDisplayOptions(
			{ show: { resource: [value], operation: [module.meta.value] } },
			module.properties,
		),
	);
	return {
		value,
		name,
		properties: [...updateDisplayOptions({ show: { resource: [value] } }, [menu]), ...fields],
		operations: new Map(modules.map((module) => [module.meta.value, module])),
	};
}

/** The Resource menu: the resources in the given order. */
export function resourceMenu(resources: Resource[], defaultValue: string): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value }) => ({ name, value })),
		default: defaultValue,
	};
}

/** The canvas subtitle: the chosen operation's menu name, read from the same modules as the menus. */
export function operationSubtitle(resources: Resource[]): string {
	const names: Record<string, string> = {};
	for (const resource of resources) {
		for (const { meta } of resource.operations.values())
			names[`${resource.value}:${meta.value}`] = meta.name;
	}
	return `={{ ${JSON.stringify(names)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

/** The module of the node's chosen resource and operation. */
export function findOperation<M extends OperationBase>(
	ctx: IExecuteFunctions,
	resources: Array<Resource<M>>,
): M {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const module = resources
		.find((candidate) => candidate.value === resource)
		?.operations.get(operation);
	if (!module) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}
	return module;
}
