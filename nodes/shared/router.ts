// Dispatches a node's execution to the operation chosen by its `resource` and `operation` parameters.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface Operation {
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

export type ResourceMap = Record<string, Record<string, Operation>>;

export async function route(
	this: IExecuteFunctions,
	service: string,
	resources: ResourceMap,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = resources[resource]?.[operation];
	if (!chosen) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported by this version of the ${service} node`,
			{ description: 'Choose the resource and operation again in the node, or update the package.' },
		);
	}
	return [await chosen.execute.call(this)];
}
