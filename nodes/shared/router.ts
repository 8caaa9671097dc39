// What both nodes' routers share: the error for a resource and operation this version does not know.
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export function unsupportedOperation(node: INode, service: string, resource: unknown, operation: unknown) {
	return new NodeOperationError(
		node,
		`The operation "${String(operation)}" of resource "${String(resource)}" is not supported by this version of the ${service} node`,
		{ description: 'Choose the resource and operation again in the node, or update the package.' },
	);
}
